import ArgumentParser
import KernelProtocol

/// `swiftml-kernel install`: writes the kernelspec (kernel.json and the logos) where Jupyter
/// looks, with the absolute path of this binary, like `jupyter kernelspec install`.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the \(Kernelspec.name) kernelspec so that Jupyter can start this kernel.",
        discussion: """
            Without an option the kernelspec goes to the system-wide directory \
            (\(KernelspecLocation.systemDirectory)), which usually needs root.
            """
    )

    @Flag(help: "Install for the current user (the Jupyter data directory, e.g. ~/.local/share/jupyter).")
    var user = false

    @Flag(help: "Install into the Python environment whose Jupyter is in use ($VIRTUAL_ENV, $CONDA_PREFIX, or the prefix of `jupyter` on PATH).")
    var sysPrefix = false

    @Option(help: ArgumentHelp("Install under DIR/share/jupyter (for an environment that is not active).", valueName: "DIR"))
    var prefix: String?

    func validate() throws {
        if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose at most one of --user, --sys-prefix and --prefix")
        }
    }

    func run() throws {
        let location: KernelspecLocation = if user { .user } else if sysPrefix { .sysPrefix } else if let prefix { .prefix(prefix) } else { .system }
        do {
            let directory = try location.kernelsDirectory() + "/" + Kernelspec.name
            let binary = try currentExecutablePath()
            try Kernelspec(binary: binary).write(to: directory)
            print("Installed kernelspec \(Kernelspec.name) in \(directory)")
        } catch {
            printError("swiftml-kernel install: \(error.description)")
            throw ExitCode(1)
        }
    }
}

/// Why the kernelspec could not be installed, with what to do about it.
enum InstallError: Error, CustomStringConvertible {
    case noEnvironment
    case noHome
    case cannotCreate(String, reason: String)
    case cannotWrite(String, reason: String)
    case unknownExecutable(reason: String)

    var description: String {
        switch self {
        case .noEnvironment:
            "--sys-prefix: no Python environment found (no $VIRTUAL_ENV, no $CONDA_PREFIX, no `jupyter` on PATH); use --prefix DIR"
        case .noHome:
            "--user: $HOME is not set; set it or use --prefix DIR"
        case .cannotCreate(let path, let reason):
            "cannot create \(path): \(reason) (try --user, or run with the needed rights)"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        case .unknownExecutable(let reason):
            "cannot find this program's own path: \(reason)"
        }
    }
}
