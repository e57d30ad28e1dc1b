"""seaborn through the real kernel, compared with real seaborn drawing the same code in this
process (matplotlib's Agg backend, saved as the inline backend saves: bbox_inches='tight').
Every PNG is decoded by Pillow; compared: figure size, axes count and positions, axes
background colours, palette colours, and the errors of what SwiftML does not draw."""
import pytest

from figure_oracle import dark_line_offset, face_box, oracle_figures
from swiftml_testing import execute
from test_inline_bbox import swiftml_png

DATA = """import random
random.seed(3)
species = ['setosa', 'versicolor', 'virginica']
data = {'sepal_length': [], 'sepal_width': [], 'petal_length': [], 'species': []}
for i in range(90):
    s = i % 3
    data['sepal_length'].append(round(5 + s * 0.8 + random.gauss(0, 0.4), 2))
    data['sepal_width'].append(round(3.2 - s * 0.2 + random.gauss(0, 0.3), 2))
    data['petal_length'].append(round(1.5 + s * 2 + random.gauss(0, 0.4), 2))
    data['species'].append(species[s])
"""


def both(kc, code):
    """SwiftML's PNGs of `code` and real seaborn's figures (FRAME is the dict for SwiftML and
    a DataFrame of it for seaborn, whose pairplot needs one)."""
    ours = swiftml_png(kc, code.replace("FRAME", "data"))
    theirs = oracle_figures(code.replace("FRAME", "__import__('pandas').DataFrame(data)"))
    assert len(ours) == len(theirs) == 1
    return ours[0], theirs[0]


def close(a, b, tolerance):
    return abs(a - b) <= tolerance


def test_pairplot_with_hue_matches_seaborns_grid(kernel):
    _, kc = kernel
    code = DATA + "import seaborn as sns\nsns.set(style='ticks', color_codes=True)\ng = sns.pairplot(FRAME, hue='species')\n"
    im, oracle = both(kc, code)
    # Same canvas within 1% (875 x 738 against seaborn's 872 x 738 when written).
    assert close(im.width, oracle.size[0], 0.01 * oracle.size[0]) and close(im.height, oracle.size[1], 0.01 * oracle.size[1]), (im.size, oracle.size)
    # 3 x 3 axes plus the three diagonal density axes, as seaborn's PairGrid.
    assert len(oracle.axes) == 12
    ex = execute(kc, DATA + "import seaborn as sns\ng = sns.pairplot(data, hue='species')\nprint(len(g.fig.axes), g.axes.shape, type(g).__name__)")
    assert ex.stdout.strip() == "12 (3, 3) PairGrid"
    # Every left and bottom spine where seaborn has it, within 6 px (the gaps between
    # subplots come from tick label widths, measured with a slightly different font).
    for box in oracle.axes[:9]:
        assert dark_line_offset(im, box, "left", tolerance=6, threshold=120) is not None, box
        assert dark_line_offset(im, box, "bottom", tolerance=6, threshold=120) is not None, box
    # The hue colours are seaborn's deep palette.
    colours = set(im.get_flattened_data())
    for hexcolour in ("4c72b0", "dd8452", "55a868"):
        rgb = tuple(int(hexcolour[i:i + 2], 16) for i in (0, 2, 4))
        assert rgb in colours, hexcolour


@pytest.mark.parametrize("style", ["darkgrid", "whitegrid", "dark", "white", "ticks"])
def test_each_style_has_seaborns_background_and_frame(kernel, style):
    _, kc = kernel
    code = DATA + f"import seaborn as sns\nimport matplotlib.pyplot as plt\nsns.set_theme(style='{style}')\nplt.figure()\nsns.scatterplot(data=FRAME, x='sepal_length', y='petal_length', hue='species')\n"
    im, oracle = both(kc, code)
    assert close(im.width, oracle.size[0], 3) and close(im.height, oracle.size[1], 3), (im.size, oracle.size)
    face = oracle.facecolors[0]
    box = oracle.axes[0]
    if face == (255, 255, 255):
        # White axes on a white figure: the frame (dark or light grey spines) shows the box.
        for edge in ("left", "right", "top", "bottom"):
            assert dark_line_offset(im, box, edge, tolerance=3, threshold=215) is not None, (style, edge, box)
        return
    found = face_box(im, box, face)
    assert found is not None, (style, face)
    for ours, theirs in zip(found, box):
        assert close(ours, theirs, 4), (style, found, box)


def test_color_palette_names_give_seaborns_colours(kernel):
    _, kc = kernel
    import seaborn
    names = ["deep", "muted", "pastel", "bright", "dark", "colorblind", "Blues", "viridis"]
    ex = execute(kc, "import seaborn as sns\nfor n in %r:\n    print([tuple(round(c, 4) for c in rgb) for rgb in sns.color_palette(n)])" % names)
    assert ex.status == "ok", ex.outputs
    got = ex.stdout.strip().splitlines()
    for name, line in zip(names, got):
        want = [tuple(round(c, 4) for c in rgb) for rgb in seaborn.color_palette(name)]
        ours = eval(line)
        assert len(ours) == len(want), name
        for a, b in zip(ours, want):
            assert all(abs(x - y) <= 0.003 for x, y in zip(a, b)), (name, a, b)


def test_heatmap_of_a_confusion_matrix_matches_seaborn(kernel):
    _, kc = kernel
    code = "import seaborn as sns\nimport numpy as np\nimport matplotlib.pyplot as plt\nplt.figure()\nsns.heatmap(np.array([[50, 2, 0], [3, 40, 7], [0, 5, 45]]), cmap='Blues', annot=True, fmt='d')\n"
    im, oracle = both(kc, code.replace("FRAME", "None"))
    # The heatmap and its colorbar.
    assert len(oracle.axes) == 2
    assert close(im.width, oracle.size[0], 0.03 * oracle.size[0]) and close(im.height, oracle.size[1], 0.03 * oracle.size[1]), (im.size, oracle.size)
    # The darkest Blues cell (50) and the lightest (0) are there.
    colours = set(im.get_flattened_data())
    assert (8, 48, 107) in colours and (247, 251, 255) in colours


def test_axes_level_functions_return_their_axes_and_draw(kernel):
    _, kc = kernel
    code = DATA + """import seaborn as sns
import matplotlib.pyplot as plt
fig, axs = plt.subplots(2, 3, figsize=(12, 7))
r = [sns.histplot(data=data, x='sepal_length', hue='species', ax=axs[0, 0]),
     sns.kdeplot(data=data, x='petal_length', hue='species', fill=True, ax=axs[0, 1]),
     sns.countplot(data=data, x='species', ax=axs[0, 2]),
     sns.barplot(data=data, x='species', y='petal_length', errorbar=None, ax=axs[1, 0]),
     sns.boxplot(data=data, x='species', y='sepal_width', ax=axs[1, 1]),
     sns.regplot(data=data, x='sepal_length', y='petal_length', ci=None, ax=axs[1, 2])]
print([a is b for a, b in zip(r, axs.flat)])
"""
    ex = execute(kc, code, timeout=120)
    assert ex.status == "ok", ex.outputs
    assert ex.stdout.strip() == str([True] * 6)


@pytest.mark.parametrize("call, name", [
    ("sns.violinplot(x=[1, 2])", "seaborn.violinplot"),
    ("sns.load_dataset('iris')", "seaborn.load_dataset"),
    ("sns.barplot(x=['a', 'a', 'b'], y=[1, 2, 3])", "bootstrap confidence intervals"),
    ("sns.pairplot(data, kind='reg')", "kind='reg'"),
    ("sns.heatmap([[1, 2]], center=0)", "center"),
])
def test_unsupported_parts_raise_not_implemented_naming_them(kernel, call, name):
    _, kc = kernel
    ex = execute(kc, DATA + "import seaborn as sns\n" + call)
    assert ex.reply["content"]["ename"] == "NotImplementedError"
    assert name in ex.reply["content"]["evalue"]
    # The kernel keeps its state.
    assert execute(kc, "print(len(data['species']))").stdout.strip() == "90"


def test_unknown_column_is_seaborns_value_error(kernel):
    _, kc = kernel
    ex = execute(kc, DATA + "import seaborn as sns\nsns.scatterplot(data=data, x='nope', y='sepal_width')")
    assert ex.reply["content"]["ename"] == "ValueError"
    assert "Could not interpret value `nope` for `x`" in ex.reply["content"]["evalue"]


def test_pairplot_of_a_dataframe_with_hue_as_the_course_draws_it(kernel):
    _, kc = kernel
    code = DATA + "import pandas as pd\nimport seaborn as sns\ndf = pd.DataFrame(data)\nsns.set(style='ticks', color_codes=True)\ng = sns.pairplot(df, hue='species')\n"
    ours = swiftml_png(kc, code)
    theirs = oracle_figures(code)
    assert len(ours) == len(theirs) == 1
    im, oracle = ours[0], theirs[0]
    assert close(im.width, oracle.size[0], 0.02 * oracle.size[0]) and close(im.height, oracle.size[1], 0.02 * oracle.size[1]), (im.size, oracle.size)
    for box in oracle.axes[:9]:
        assert dark_line_offset(im, box, "left", tolerance=6, threshold=120) is not None, box


def test_heatmap_of_a_dataframe_matches_seaborn(kernel):
    _, kc = kernel
    code = ("import pandas as pd\nimport seaborn as sns\nimport matplotlib.pyplot as plt\nplt.figure()\n"
            "df = pd.DataFrame({'alpha': [1.0, 2.0, 0.5], 'beta': [3.0, 4.0, 1.5]}, index=['first', 'second', 'third'])\n"
            "ax = sns.heatmap(df, annot=True)\n")
    ours = swiftml_png(kc, code)
    theirs = oracle_figures(code)
    assert len(ours) == len(theirs) == 1
    im, oracle = ours[0], theirs[0]
    assert len(oracle.axes) == 2
    assert close(im.width, oracle.size[0], 0.03 * oracle.size[0]) and close(im.height, oracle.size[1], 0.03 * oracle.size[1]), (im.size, oracle.size)
