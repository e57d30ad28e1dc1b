import Testing
@testable import Eval

/// `exit` / `quit` ask the front end to end the session, as IPython's autocall does.
@Suite struct ExitRequestTests {
    @Test func bareExitAndCallsRequestExit() {
        let nb = Notebook()
        #expect(nb.session.takeExitRequest() == false)
        #expect(nb.result("exit") == nil)
        #expect(nb.session.takeExitRequest() == true)
        #expect(nb.session.takeExitRequest() == false)
        nb.run("quit()")
        #expect(nb.session.takeExitRequest() == true)
        #expect(nb.result("repr(exit)") == "'Use exit() or Ctrl-D (i.e. EOF) to exit'")
        #expect(nb.session.takeExitRequest() == false)
    }
}
