"""Figures keep what the inline backend keeps: matplotlib's inline display saves with
`bbox_inches='tight'`, cropping and growing the canvas to everything drawn plus 0.1 inch.
Each figure here is drawn by SwiftML through the real kernel and by real matplotlib (Agg)
in this process; the PNG sizes and every axes' position in them must agree within a few
pixels (PNGs decoded by Pillow)."""
import base64
import io

import pytest
from PIL import Image

from figure_oracle import dark_line_offset, oracle_figures
from swiftml_testing import execute

NAMES = "['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']"

FIGURES = {
    # The TensorFlow classification tutorial: rotated labels below the figure's own edge.
    "rotated_xticks": f"import matplotlib.pyplot as plt\nimport numpy as np\nclass_names = {NAMES}\n"
                      "plt.figure()\nplt.bar(range(10), np.arange(10))\nplt.xticks(range(10), class_names, rotation=45)\n",
    "vertical_xticks": f"import matplotlib.pyplot as plt\nclass_names = {NAMES}\n"
                       "plt.figure(figsize=(4, 3))\nplt.plot(range(10), range(10))\nplt.xticks(range(10), class_names, rotation=90)\n",
    "plain_line": "import matplotlib.pyplot as plt\nplt.figure()\nplt.plot([1, 2, 3])\n",
    "labels_and_title": "import matplotlib.pyplot as plt\nplt.figure()\nplt.plot([1, 2, 3])\nplt.xlabel('epoch')\nplt.ylabel('loss')\nplt.title('Training')\n",
    "legend_outside": "import matplotlib.pyplot as plt\nplt.figure()\nplt.plot([1, 2, 3], label='a long legend entry')\n"
                      "plt.legend(bbox_to_anchor=(1.05, 1), loc='upper left')\n",
    "subplots_with_suptitle": "import matplotlib.pyplot as plt\nfig, axs = plt.subplots(1, 2, figsize=(8, 3))\n"
                              "axs[0].plot([1, 2]); axs[1].plot([2, 1])\naxs[0].set_ylabel('value')\nfig.suptitle('Two panels')\n",
}


def swiftml_png(kc, code):
    ex = execute(kc, code, timeout=60)
    assert ex.status == "ok", ex.outputs
    images = [Image.open(io.BytesIO(base64.b64decode(m["content"]["data"]["image/png"])))
              for m in ex.messages if m["msg_type"] == "display_data" and "image/png" in m["content"]["data"]]
    for im in images:
        im.load()
    return [im.convert("RGB") for im in images]


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_inline_png_matches_matplotlib_tight_bbox(kernel, name):
    _, kc = kernel
    code = FIGURES[name]
    ours = swiftml_png(kc, code)
    theirs = oracle_figures(code)
    assert len(ours) == len(theirs) == 1
    im, oracle = ours[0], theirs[0]
    assert abs(im.width - oracle.size[0]) <= 3 and abs(im.height - oracle.size[1]) <= 3, (im.size, oracle.size)
    for box in oracle.axes:
        for edge in ("left", "right", "top", "bottom"):
            offset = dark_line_offset(im, box, edge, tolerance=3)
            assert offset is not None, f"{name}: no {edge} spine within 3 px of matplotlib's {box}"


def test_savefig_tight_and_pad_inches_match_matplotlib(kernel, tmp_path):
    _, kc = kernel
    code = FIGURES["rotated_xticks"]
    for pad in (0.1, 0.5):
        ours_path = tmp_path / f"ours_{pad}.png"
        ex = execute(kc, code + f"plt.savefig({str(ours_path)!r}, bbox_inches='tight', pad_inches={pad})\nplt.close()\n")
        assert ex.status == "ok", ex.outputs
        theirs_path = tmp_path / f"theirs_{pad}.png"
        oracle_figures(code + f"plt.savefig({str(theirs_path)!r}, bbox_inches='tight', pad_inches={pad})\n")
        ours, theirs = Image.open(ours_path), Image.open(theirs_path)
        assert abs(ours.width - theirs.width) <= 3 and abs(ours.height - theirs.height) <= 3, (pad, ours.size, theirs.size)
    # Without bbox_inches the file keeps the figure's own size, as matplotlib's.
    plain = tmp_path / "plain.png"
    assert execute(kc, code + f"plt.savefig({str(plain)!r})\nplt.close()\n").status == "ok"
    assert Image.open(plain).size == (640, 480)


def test_unsupported_bbox_inches_is_refused(kernel):
    _, kc = kernel
    ex = execute(kc, "import matplotlib.pyplot as plt\nplt.plot([1])\nplt.savefig('x.png', bbox_inches=[0, 0, 1, 1])\n")
    assert ex.status == "error"
    assert ex.reply["content"]["ename"] == "NotImplementedError"
