/// A file path from a cell, refused when it holds a NUL character.
///
/// C file APIs stop at the first NUL, so `'notebook.ipynb\x00.png'` would pass a check on its
/// extension and then write `notebook.ipynb`. Python raises `ValueError: embedded null byte`
/// for every such path; every binding that hands a cell's path to the file system goes through
/// this one check.
public func checkedPath(_ path: String) throws -> String {
    if path.utf8.contains(0) { throw PyError(.valueError, "embedded null byte") }
    return path
}

extension BoundArguments {
    /// The string argument `name` as a file path (`TypeError` if not a string, `ValueError`
    /// if it contains a NUL).
    public func path(_ name: String) throws -> String { try checkedPath(try string(name)) }

    /// Like `path`, nil when the argument is None or not given.
    public func optionalPath(_ name: String) throws -> String? { try optionalString(name).map(checkedPath) }
}
