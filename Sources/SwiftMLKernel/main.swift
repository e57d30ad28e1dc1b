/// `swiftml-kernel`: the SwiftML Jupyter kernel. `run` is what Jupyter starts (through the
/// kernelspec); `install` puts the kernelspec where Jupyter looks for it.
SwiftMLKernelCommand.main()
