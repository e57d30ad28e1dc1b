"""The `sklearn` modules in the SwiftML kernel against real scikit-learn, snippet by snippet.

Each case runs in a live SwiftML kernel and in this process's scikit-learn, and compares
what a notebook shows: the repr of the result (exactly), printed text (exactly: the
classification report), numbers within a tolerance where float math may differ in the last
bits, or the exception class and message.
"""

from __future__ import annotations

import ast

import numpy as np
import pytest

sklearn = pytest.importorskip("sklearn")
swiftml_testing = pytest.importorskip("swiftml_testing")
execute, start_kernel = swiftml_testing.execute, swiftml_testing.start_kernel

REPR, STR, APPROX, ERROR = "repr", "str", "approx", "error"

IMPORTS = """import numpy as np
from sklearn.metrics import (confusion_matrix, accuracy_score, precision_score, recall_score, f1_score,
    classification_report, mean_squared_error, mean_absolute_error, r2_score, roc_curve, auc, roc_auc_score,
    precision_recall_fscore_support)
from sklearn.preprocessing import StandardScaler, MinMaxScaler, LabelEncoder, OneHotEncoder
from sklearn.model_selection import train_test_split, KFold
from sklearn.datasets import (load_iris, load_digits, load_wine, load_breast_cancer, load_diabetes,
    make_moons, make_circles, make_blobs, make_regression)
"""

Y = "y = [0, 1, 2, 2, 1, 0, 2, 1, 1, 0]\np = [0, 2, 2, 2, 1, 0, 1, 1, 0, 0]"
B = "y = np.array([0, 1, 1, 0, 1, 1, 0, 0])\np = np.array([0, 1, 0, 0, 1, 1, 1, 0])"
S = "y = ['cat', 'dog', 'cat', 'bird', 'dog', 'cat']\np = ['cat', 'cat', 'cat', 'bird', 'dog', 'dog']"
X = "X = np.array([[1., -2., 3.], [4., 5., 6.], [7., 8., 10.], [0.5, 1., 1.]])"

CASES = [
    # metrics
    (Y, "confusion_matrix(y, p)", REPR),
    (Y, "confusion_matrix(y, p, labels=[2, 1, 0])", REPR),
    (Y, "confusion_matrix(y, p, normalize='true')", REPR),
    (Y, "confusion_matrix(y, p, normalize='all')", REPR),
    (S, "confusion_matrix(y, p)", REPR),
    (B, "confusion_matrix(y, p).ravel()", REPR),
    (Y, "accuracy_score(y, p)", REPR),
    (Y, "accuracy_score(y, p, normalize=False)", REPR),
    (B, "(precision_score(y, p), recall_score(y, p), f1_score(y, p))", REPR),
    (B, "precision_score(y, p, pos_label=0)", REPR),
    (Y, "f1_score(y, p, average=None)", REPR),
    (Y, "(f1_score(y, p, average='macro'), f1_score(y, p, average='micro'), f1_score(y, p, average='weighted'))", REPR),
    (Y, "(precision_score(y, p, average='macro'), recall_score(y, p, average='weighted'))", REPR),
    (S, "precision_score(y, p, average=None)", REPR),
    (Y, "precision_recall_fscore_support(y, p)", REPR),
    (Y, "precision_score(y, p)", ERROR),
    (Y, "accuracy_score(y, p[:3])", ERROR),
    ("", "accuracy_score([0, 1], [0.5, 1.0])", ERROR),
    ("", "precision_score([0, 0, 1], [1, 1, 1], zero_division=0)", REPR),
    (Y, "classification_report(y, p)", STR),
    (Y, "classification_report(y, p, digits=4)", STR),
    (Y, "classification_report(y, p, target_names=['zero', 'one', 'two'])", STR),
    (S, "classification_report(y, p)", STR),
    (B, "classification_report(y, p, output_dict=True)", REPR),
    ("np.random.seed(0)\ny = np.random.randint(0, 10, 500)\np = np.where(np.random.rand(500) < 0.7, y, np.random.randint(0, 10, 500))",
     "classification_report(y, p)", STR),
    ("", "mean_squared_error([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])", REPR),
    ("", "mean_absolute_error([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])", REPR),
    ("", "r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])", REPR),
    ("", "r2_score(np.array([[1.], [2.], [3.]]), np.array([1., 2.5, 2.5]))", REPR),
    ("", "mean_squared_error([1, 2, 3], [1, 2, 4], sample_weight=[1, 1, 2])", REPR),
    ("", "roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])", REPR),
    ("np.random.seed(1)\ny = np.random.randint(0, 2, 60)\ns = np.round(np.random.rand(60) * 0.6 + y * 0.3, 2)", "roc_curve(y, s)", REPR),
    ("np.random.seed(1)\ny = np.random.randint(0, 2, 60)\ns = np.round(np.random.rand(60) * 0.6 + y * 0.3, 2)", "roc_curve(y, s, drop_intermediate=False)[0][:12]", REPR),
    ("np.random.seed(1)\ny = np.random.randint(0, 2, 60)\ns = np.round(np.random.rand(60) * 0.6 + y * 0.3, 2)", "roc_auc_score(y, s)", REPR),
    ("", "auc([0, 0.5, 1], [0, 0.7, 1])", REPR),
    ("", "roc_curve([0, 1], [np.nan, 0.5])", ERROR),
    ("", "auc([1, 0.5, 0], [1, 0.7, 0])", REPR),
    # preprocessing
    (X, "StandardScaler().fit_transform(X)", APPROX),
    (X, "s = StandardScaler().fit(X)\n(s.mean_, s.var_, s.scale_, s.n_features_in_)", APPROX),
    (X, "s = StandardScaler().fit(X)\ns.inverse_transform(s.transform(X))", APPROX),
    (X, "StandardScaler(with_mean=False).fit_transform(X)", APPROX),
    (X, "repr(StandardScaler()), repr(StandardScaler(with_std=False))", REPR),
    (X, "MinMaxScaler().fit_transform(X)", APPROX),
    (X, "MinMaxScaler(feature_range=(-1, 1)).fit(X).transform(X + 1)", APPROX),
    (X, "m = MinMaxScaler().fit(X)\n(m.data_min_, m.data_max_, m.scale_, m.min_)", APPROX),
    (X, "StandardScaler().fit(X).transform(X[:, :2])", ERROR),
    ("", "LabelEncoder().fit_transform([3, 1, 3, 7])", REPR),
    ("", "LabelEncoder().fit([3, 1, 3, 7]).classes_", REPR),
    ("", "LabelEncoder().fit_transform(['b', 'a', 'c', 'a'])", REPR),
    ("", "LabelEncoder().fit([3, 1]).inverse_transform([1, 0, 1])", REPR),
    ("", "LabelEncoder().fit([3, 1]).transform([5])", ERROR),
    ("", "OneHotEncoder(sparse_output=False).fit_transform([['a', 1], ['b', 2], ['a', 3]])", REPR),
    ("", "OneHotEncoder().fit_transform(np.array([[1], [3], [1]]))", REPR),
    ("", "OneHotEncoder().fit_transform(np.array([[1], [3], [1]])).toarray()", REPR),
    ("", "OneHotEncoder(handle_unknown='ignore', sparse_output=False).fit(np.array([[1], [3]])).transform(np.array([[3], [9]]))", REPR),
    ("", "OneHotEncoder(sparse_output=False).fit(np.array([[1], [3]])).transform(np.array([[9]]))", ERROR),
    # model selection
    ("Xs = np.arange(20).reshape(10, 2)\nys = np.arange(10)", "train_test_split(Xs, ys, test_size=0.3, random_state=42)", REPR),
    ("Xs = np.arange(20).reshape(10, 2)\nys = np.arange(10)", "train_test_split(Xs, ys, random_state=0)", REPR),
    ("Xs = np.arange(20).reshape(10, 2)\nys = np.arange(10)", "train_test_split(Xs, ys, test_size=3, shuffle=False)", REPR),
    ("Xs = np.arange(40).reshape(20, 2)\nys = np.array([0] * 12 + [1] * 8)", "train_test_split(Xs, ys, test_size=0.25, stratify=ys, random_state=1)", REPR),
    ("Xs = np.arange(30)\nys = np.array([0, 1, 2] * 10)", "train_test_split(Xs, ys, test_size=0.2, stratify=ys, random_state=7)", REPR),
    ("ys = np.array([0] * 9 + [1] * 5 + [2] * 3)", "train_test_split(np.arange(17), test_size=0.3, stratify=ys, random_state=3)", REPR),
    ("", "list(KFold(3).split(np.arange(7)))", REPR),
    ("", "list(KFold(4, shuffle=True, random_state=0).split(np.zeros((10, 2))))", REPR),
    ("", "repr(KFold(5)), KFold(5).get_n_splits()", REPR),
    # datasets
    ("", "d = load_iris()\n(d.data.shape, d.target[::25], d.feature_names, list(d.keys()))", REPR),
    ("", "d = load_wine()\n(d.data[:2], d.target[::40], [str(n) for n in d.target_names], list(d.feature_names[-3:]))", REPR),
    ("", "d = load_breast_cancer()\n(d.data.shape, d.data[5], d.target[:12], [str(n) for n in d.target_names], [str(n) for n in d.feature_names[::7]])", REPR),
    ("", "d = load_digits()\n(d.data.shape, d.images.shape, d.images[0], d.target[:15], d.feature_names[9], d.target_names)", REPR),
    ("", "load_digits().DESCR[:300]", REPR),
    ("", "X, y = load_digits(n_class=3, return_X_y=True)\n(X.shape, y[:10])", REPR),
    ("", "d = load_diabetes()\n(d.data.shape, d.target[:5], d.feature_names)", REPR),
    ("", "load_diabetes().data[:3]", APPROX),
    ("", "load_diabetes(scaled=False).data[:2]", REPR),
    ("", "make_moons(n_samples=8, random_state=0)", APPROX),
    ("", "make_moons(n_samples=7, noise=0.1, random_state=1)[1]", REPR),
    ("", "make_moons(n_samples=50, noise=0.2, random_state=42)[0][:4]", APPROX),
    ("", "make_circles(n_samples=9, noise=0.05, factor=0.5, random_state=3)", APPROX),
    ("", "make_circles(n_samples=9, noise=0.05, factor=0.5, random_state=3)[1]", REPR),
    ("", "make_blobs(n_samples=10, centers=3, n_features=2, random_state=0)", APPROX),
    ("", "make_blobs(n_samples=10, centers=3, n_features=2, random_state=0)[1]", REPR),
    ("", "make_blobs(n_samples=[3, 4], centers=[[0, 0], [5, 5]], cluster_std=[0.5, 2.0], random_state=2, return_centers=True)", APPROX),
    ("", "make_regression(n_samples=5, n_features=3, n_informative=2, noise=0.5, random_state=4, coef=True)", APPROX),
    ("", "make_regression(n_samples=4, n_features=2, n_targets=2, bias=1.5, random_state=0)", APPROX),
]


def flatten(value):
    """Nested tuples/lists/arrays of numbers as one flat list of floats."""
    if isinstance(value, (tuple, list)):
        return [x for item in value for x in flatten(item)]
    return np.asarray(value, dtype=float).ravel().tolist()


def sklearn_outcome(setup: str, expression: str, mode: str):
    namespace: dict = {}
    *statements, last = expression.split("\n")
    try:
        exec(IMPORTS + setup, namespace)
        for statement in statements:
            exec(statement, namespace)
        if mode == ERROR:
            exec(last, namespace)
            return None
        value = eval(last, namespace)
    except Exception as error:  # noqa: BLE001 - the error is the result to compare
        return (type(error).__name__, str(error))
    if mode == REPR:
        return repr(value)
    if mode == STR:
        return str(value) + "\n"
    return flatten(value)


@pytest.fixture(scope="module")
def kernel_client():
    with start_kernel() as (_, client):
        run = execute(client, IMPORTS + "\ndef _flat(v):\n    if isinstance(v, (tuple, list)):\n        return [x for i in v for x in _flat(i)]\n    return np.asarray(v, dtype=float).ravel().tolist()\n")
        assert run.status == "ok", run.reply["content"]
        yield client


def swiftml_outcome(client, setup: str, expression: str, mode: str):
    *statements, last = expression.split("\n")
    prefix = "\n".join([setup, *statements])
    if mode == STR:
        code = f"{prefix}\nprint({last})"
    elif mode == APPROX:
        code = f"{prefix}\nprint(repr(_flat({last})))"
    else:
        code = f"{prefix}\n{last}"
    run = execute(client, code)
    if run.status != "ok":
        content = run.reply["content"]
        return (content["ename"], content["evalue"])
    if mode == REPR:
        return run.result
    if mode == STR:
        return run.stdout
    if mode == ERROR:
        return None
    return ast.literal_eval(run.stdout.strip())


@pytest.mark.parametrize("setup,expression,mode", CASES, ids=[f"{i:03d}:{c[1][:40]}" for i, c in enumerate(CASES)])
def test_same_as_sklearn(kernel_client, setup, expression, mode):
    expected = sklearn_outcome(setup, expression, mode)
    actual = swiftml_outcome(kernel_client, setup, expression, mode)
    if mode == APPROX and isinstance(expected, list) and isinstance(actual, list):
        assert len(actual) == len(expected)
        assert np.allclose(actual, expected, rtol=1e-9, atol=1e-12, equal_nan=True), (actual, expected)
    else:
        assert actual == expected


def test_confusion_matrix_display_draws_a_figure(kernel_client):
    run = execute(kernel_client, "import matplotlib.pyplot as plt\nfrom sklearn.metrics import ConfusionMatrixDisplay\n"
                  "d = ConfusionMatrixDisplay.from_predictions([0, 1, 2, 2, 1], [0, 2, 2, 2, 1])\n"
                  "(d.confusion_matrix.tolist(), len(d.text_), [len(row) for row in d.text_], d.display_labels)")
    assert run.status == "ok", run.reply["content"]
    assert run.result == "([[1, 0, 0], [0, 1, 1], [0, 0, 2]], 3, [3, 3, 3], [0, 1, 2])"
    pngs = [m for m in run.messages if m["msg_type"] == "display_data" and "image/png" in m["content"]["data"]]
    assert len(pngs) == 1


def test_huge_generated_datasets_are_memory_errors_and_the_kernel_survives(kernel_client):
    for code in ["make_moons(10**15)", "make_circles((10**15, 10**15))", "make_blobs(n_samples=10**15)"]:
        assert execute(kernel_client, code).reply["content"]["ename"] == "MemoryError", code
    assert execute(kernel_client, "accuracy_score([1], [1])").result == "1.0"
