import KernelProtocol

/// What the kernel says about itself in `kernel_info_reply`.
enum SwiftMLInfo {
    static let version = "0.1.0"

    static let kernelInfo = KernelInfo(
        implementation: "swiftml",
        implementationVersion: version,
        language: KernelInfo.Language(
            name: "swiftml",
            version: version,
            // Cells are Python syntax: front ends highlight and export them as Python.
            mimetype: "text/x-python",
            fileExtension: ".py",
            codemirrorMode: "python",
            pygmentsLexer: "python",
            nbconvertExporter: "python"
        ),
        banner: """
            SwiftML \(version): a Jupyter kernel written in Swift.
            Cells use Python syntax with NumPy-style arrays (np), tf.keras and pyplot (plt),
            all implemented in Swift. Type name? for help on a name.
            """,
        helpLinks: [
            KernelInfo.HelpLink(text: "Keras API", url: "https://keras.io/api/"),
            KernelInfo.HelpLink(text: "NumPy reference", url: "https://numpy.org/doc/stable/reference/"),
            KernelInfo.HelpLink(text: "pyplot reference", url: "https://matplotlib.org/stable/api/pyplot_summary.html"),
        ]
    )
}
