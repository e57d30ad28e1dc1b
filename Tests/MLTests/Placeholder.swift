import Testing
@testable import ML
@Test func placeholder() {}
