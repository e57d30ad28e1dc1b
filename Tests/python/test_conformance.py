"""jupyter_kernel_test's conformance suite, every attribute filled, and its IOPub welcome
test. The samples are the cell language's surface (docs: language.md)."""

import jupyter_kernel_test

from swiftml_testing import KERNEL_NAME


class SwiftMLKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "swiftml"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys\nprint('oops', file=sys.stderr)"

    completion_samples = [
        {"text": "isinst", "matches": {"isinstance"}},
        {"text": "total = enumer", "matches": {"enumerate"}},
    ]

    # The verdicts are IPython's (TransformerManager.check_complete), which consoles expect.
    complete_code_samples = [
        "1", "print('hello, world')", "def f(x):\n    return x * 2\n\n", "x = [1,\n     2]",
        "for i in range(3):\n    print(i)\n",
    ]
    incomplete_code_samples = ["for i in range(3):", "for i in range(3):\n    print(i)", "def f(x):", "print(1,", "x = '''abc"]
    invalid_code_samples = ["import = 7q", "1 +* 2", "x = )"]

    code_page_something = "print?"
    code_generate_error = "1/0"

    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "[n * n for n in range(1, 4)]", "result": "[1, 4, 9]"},
        {"code": "'swift' + 'ml'", "result": "'swiftml'"},
    ]
    code_display_data = [
        {"code": "from IPython.display import display, HTML\ndisplay(HTML('<b>bold</b>'))", "mime": "text/html"},
        {"code": "from IPython.display import display, Markdown\ndisplay(Markdown('*hi*'))", "mime": "text/markdown"},
    ]
    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "print"
    code_clear_output = "from IPython.display import clear_output\nprint('going')\nclear_output()"


class SwiftMLIopubWelcomeTests(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = KERNEL_NAME
    support_iopub_welcome = True
