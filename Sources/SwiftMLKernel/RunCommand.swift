import ArgumentParser
import KernelProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the kernel on the channels of a connection file, as Jupyter starts it.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Serve the channels of a Jupyter connection file (what the kernelspec runs)."
    )

    @Option(name: [.customShort("f"), .customLong("connection-file")], help: "The connection file Jupyter wrote for this kernel.")
    var connectionFile: String

    func run() throws {
        // SWIFTML_KERNEL_DEBUG=1 traces every message (and start-up timings) on stderr.
        let tracing = getenv("SWIFTML_KERNEL_DEBUG").map { String(cString: $0) == "1" } ?? false
        KernelLog.configure(label: "SwiftML kernel", tracing: tracing)
        let connection: ConnectionFile
        do {
            connection = try ConnectionFile.load(path: connectionFile)
        } catch {
            printError("swiftml-kernel: \(error.description)")
            throw ExitCode(2)
        }
        let kernel = Kernel(connection: connection, info: SwiftMLInfo.kernelInfo)
        do {
            let reason = try kernel.run { SessionInterpreter() }
            KernelLog.trace("exited: \(reason)")
        } catch {
            printError("swiftml-kernel: \(error.description)")
            throw ExitCode(1)
        }
    }
}

/// Writes one line to stderr, where a person starting the kernel by hand sees it.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
