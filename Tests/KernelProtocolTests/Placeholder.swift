import Testing
@testable import KernelProtocol
@Test func placeholder() {}
