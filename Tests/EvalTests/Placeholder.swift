import Testing
@testable import Eval
@Test func placeholder() {}
