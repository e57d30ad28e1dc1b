import ArgumentParser

struct SwiftMLKernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftml-kernel",
        abstract: "The SwiftML Jupyter kernel: Python-syntax cells over Swift's ML libraries.",
        version: SwiftMLInfo.version,
        subcommands: [RunCommand.self, InstallCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
