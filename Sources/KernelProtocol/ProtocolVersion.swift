public enum KernelProtocolVersion { public static let current = "5.4" }
