/// What `kernel_info_reply` says about the kernel and its language.
public struct KernelInfo: Sendable, Equatable {
    public struct Language: Sendable, Equatable {
        public var name: String
        public var version: String
        public var mimetype: String
        public var fileExtension: String
        public var codemirrorMode: String
        public var pygmentsLexer: String
        public var nbconvertExporter: String

        public init(
            name: String, version: String, mimetype: String, fileExtension: String, codemirrorMode: String,
            pygmentsLexer: String, nbconvertExporter: String
        ) {
            self.name = name
            self.version = version
            self.mimetype = mimetype
            self.fileExtension = fileExtension
            self.codemirrorMode = codemirrorMode
            self.pygmentsLexer = pygmentsLexer
            self.nbconvertExporter = nbconvertExporter
        }
    }

    public struct HelpLink: Sendable, Equatable {
        public var text: String
        public var url: String

        public init(text: String, url: String) {
            self.text = text
            self.url = url
        }
    }

    public var implementation: String
    public var implementationVersion: String
    public var language: Language
    public var banner: String
    public var helpLinks: [HelpLink]

    public init(implementation: String, implementationVersion: String, language: Language, banner: String, helpLinks: [HelpLink]) {
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.language = language
        self.banner = banner
        self.helpLinks = helpLinks
    }

    /// The content of `kernel_info_reply`.
    public var replyContent: JSONObject {
        [
            "status": "ok",
            "protocol_version": .string(KernelProtocolVersion.current),
            "implementation": .string(implementation),
            "implementation_version": .string(implementationVersion),
            "language_info": [
                "name": .string(language.name),
                "version": .string(language.version),
                "mimetype": .string(language.mimetype),
                "file_extension": .string(language.fileExtension),
                "codemirror_mode": .string(language.codemirrorMode),
                "pygments_lexer": .string(language.pygmentsLexer),
                "nbconvert_exporter": .string(language.nbconvertExporter),
            ],
            "banner": .string(banner),
            "help_links": .array(helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }),
            "debugger": false,
        ]
    }
}
