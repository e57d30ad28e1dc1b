import Testing
@testable import Eval

/// The `np` module through the cell language: what a notebook cell shows. (The same snippets
/// against real NumPy are in Tests/python/test_numpy.py.)
@Suite struct NumPyBindingTests {
    private func notebook() -> Notebook {
        let nb = Notebook()
        nb.run("import numpy as np")
        return nb
    }

    @Test func arraysDisplayAsNumPyReprs() {
        let nb = notebook()
        #expect(nb.result("np.array([1, 2, 3])") == "array([1, 2, 3])")
        #expect(nb.result("np.zeros((2, 2), dtype=np.float32)") == "array([[0., 0.],\n       [0., 0.]], dtype=float32)")
        #expect(nb.output("print(np.arange(4).reshape(2, 2))") == "[[0 1]\n [2 3]]\n")
    }

    @Test func scalarsAreNumPyScalars() {
        let nb = notebook()
        #expect(nb.result("np.arange(4, dtype=np.float32).sum()") == "np.float32(6.0)")
        #expect(nb.output("print(np.arange(4, dtype=np.float32).mean())") == "1.5\n")
        #expect(nb.result("np.arange(4)[2]") == "np.int64(2)")
        #expect(nb.result("np.array([1, 2]) > 1") == "array([False,  True])")
        #expect(nb.result("np.array([1, 2])[1] > 1") == "np.True_")
        #expect(nb.result("f'{np.float32(0.25):.3f}'") == "'0.250'")
        #expect(nb.result("float(np.float32(0.5)) + 1") == "1.5")
        #expect(nb.result("list(range(np.int64(3)))") == "[0, 1, 2]")
    }

    @Test func indexingReadsAndWritesThroughTheLanguage() {
        let nb = notebook()
        nb.run("a = np.arange(12).reshape(3, 4)")
        #expect(nb.result("a[1:, ::2]") == "array([[ 4,  6],\n       [ 8, 10]])")
        #expect(nb.result("a[a > 8]") == "array([ 9, 10, 11])")
        #expect(nb.result("a[[0, 2], -1]") == "array([ 3, 11])")
        #expect(nb.result("a[..., None].shape") == "(3, 4, 1)")
        nb.run("a[a > 8] = 0\na[:, 0] = -1\nb = a[0]\nb += 100")
        #expect(nb.result("a") == "array([[ 99, 101, 102, 103],\n       [ -1,   5,   6,   7],\n       [ -1,   0,   0,   0]])")
    }

    @Test func dtypesAndPromotion() {
        let nb = notebook()
        #expect(nb.result("(np.ones(2, dtype=np.float32) * 2.5).dtype") == "dtype('float32')")
        #expect(nb.result("(np.arange(2) + 0.5).dtype") == "dtype('float64')")
        #expect(nb.result("np.array([250], dtype=np.uint8) + 10") == "array([4], dtype=uint8)")
        #expect(nb.result("np.arange(3).astype('float32').dtype == np.float32") == "True")
        #expect(nb.result("np.zeros(2, dtype=np.int32)") == "TypeError: dtype 'int32' is not supported: SwiftML arrays hold float32, float64, int64, uint8 or bool")
    }

    @Test func errorsAreNumPysPythonExceptions() {
        let nb = notebook()
        #expect(nb.result("np.array([1, 2]) + np.array([1, 2, 3])") == "ValueError: operands could not be broadcast together with shapes (2,) (3,) ")
        #expect(nb.result("np.arange(3)[3]") == "IndexError: index 3 is out of bounds for axis 0 with size 3")
        #expect(nb.result("np.zeros((10**6, 10**6))") == "MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000, 1000000) and data type float64")
        #expect(nb.result("np.arange(3).sum(axis=2)") == "AxisError: axis 2 is out of bounds for array of dimension 1")
        #expect(nb.result("bool(np.arange(3))") == "ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        #expect(nb.result("np.linalg.inv(np.zeros((2, 2)))") == "LinAlgError: Singular matrix")
        #expect(nb.result("np.array([[1, 2], [3]])") == "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.")
        #expect(nb.result("1 + 1") == "2")  // the session carries on
    }

    @Test func seededRandomMatchesNumPy() {
        let nb = notebook()
        #expect(nb.result("np.random.seed(42)\nnp.random.rand(3)") == "array([0.37454012, 0.95071431, 0.73199394])")
        #expect(nb.result("np.random.seed(0)\nnp.random.randint(0, 10, size=5)") == "array([5, 0, 3, 3, 7])")
        #expect(nb.result("np.random.seed(0)\ntype(np.random.randint(10)).__name__") == "'int'")
        #expect(nb.result("rng = np.random.default_rng(1)\nrng.normal(size=2).shape") == "(2,)")
    }

    @Test func functionsHaveSignaturesForHelp() {
        let nb = notebook()
        nb.run("help(np.linspace)")
        #expect(nb.sink.stdout.contains("linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None)")
            || nb.run("help(np.linspace)").pagesContain("linspace(start, stop, num=50"))
        #expect(nb.result("np.clip(np.arange(5), 1, 3, 4)") == "TypeError: clip() takes 3 positional arguments but 4 were given")
    }
}

private extension ExecutionOutcome {
    func pagesContain(_ text: String) -> Bool {
        guard case .success(_, let pages) = self else { return false }
        return pages.contains { $0.data.values.contains { $0.contains(text) } }
    }
}
