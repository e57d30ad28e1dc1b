#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `install` puts the kernelspec, mirroring `jupyter kernelspec install`'s options.
enum KernelspecLocation: Equatable {
    case system
    case user
    case sysPrefix
    case prefix(String)

    static let systemDirectory = "/usr/local/share/jupyter/kernels"

    /// The `kernels` directory to install into.
    func kernelsDirectory() throws(InstallError) -> String {
        switch self {
        case .system:
            return Self.systemDirectory
        case .user:
            return try Self.userDataDirectory() + "/kernels"
        case .sysPrefix:
            return try Self.environmentPrefix() + "/share/jupyter/kernels"
        case .prefix(let directory):
            return directory + "/share/jupyter/kernels"
        }
    }

    /// Jupyter's per-user data directory, as jupyter_core computes it.
    static func userDataDirectory() throws(InstallError) -> String {
        if let dataDirectory = environment("JUPYTER_DATA_DIR") { return dataDirectory }
        guard let home = environment("HOME") else { throw .noHome }
        #if os(macOS)
        return home + "/Library/Jupyter"
        #else
        return (environment("XDG_DATA_HOME") ?? home + "/.local/share") + "/jupyter"
        #endif
    }

    /// The prefix of the Python environment in use: the active virtual environment, the
    /// active conda environment, or the one whose `jupyter` comes first on PATH.
    static func environmentPrefix() throws(InstallError) -> String {
        if let prefix = environment("VIRTUAL_ENV") ?? environment("CONDA_PREFIX") { return prefix }
        for directory in (environment("PATH") ?? "").split(separator: ":") where access("\(directory)/jupyter", X_OK) == 0 {
            var components = directory.split(separator: "/", omittingEmptySubsequences: false)
            guard components.last == "bin", components.count > 1 else { continue }
            components.removeLast()
            let prefix = components.joined(separator: "/")
            return prefix.isEmpty ? "/" : prefix
        }
        throw .noEnvironment
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
