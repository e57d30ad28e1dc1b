import Testing
@testable import Eval

/// The `np` module through the cell language: what a notebook cell shows.
@Suite struct NumPyBindingTests {
    private func notebook() -> Notebook {
        let nb = Notebook()
        nb.run("import numpy as np")
        return nb
    }

    @Test func smoke() {
        let nb = notebook()
        for code in ["np.array([1, 2, 3])", "np.zeros((2, 3), dtype=np.float32)", "a = np.arange(12).reshape(3, 4)\na[1:, ::2]",
                     "a.sum(axis=0)", "a.mean()", "a[a > 5]", "np.float32(0.5)", "a.dtype", "a.shape", "np.random.seed(42)\nnp.random.rand(3)",
                     "np.linalg.inv(np.array([[4., 7], [2, 6]]))", "x = np.ones(3); x += 1; x", "np.array([1, 2]) + np.array([1, 2, 3])",
                     "print(np.eye(2))", "np.exp(np.float32(1))", "a.T @ a", "len(a)", "[float(v) for v in np.array([1.5, 2.5])]",
                     "f'{np.float32(0.25):.3f}'", "np.unique([3, 1, 3], return_counts=True)", "np.zeros((10**6, 10**6))"] {
            print(code, "->", nb.result(code) ?? "nil", nb.sink.stdout)
        }
    }
}
