/// The notebook's global variables, one slot per name.
///
/// The compiler resolves every global name of a cell to a slot number once, so reading a
/// global while the cell runs is an indexed load rather than a dictionary lookup. Slots are
/// only added while compiling, never while code runs, so a running cell may hold the base
/// pointer across its statements.
final class GlobalStore {
    private(set) var names: [String] = []
    private var slotsByName: [String: Int] = [:]
    /// Read on every global access while cells run; only replaced while compiling.
    @exclusivity(unchecked) private(set) var storage: UnsafeMutablePointer<Value?>
    private var capacity: Int

    init() {
        capacity = 256
        storage = .allocate(capacity: capacity)
        storage.initialize(repeating: nil, count: capacity)
    }

    deinit {
        storage.deinitialize(count: capacity)
        storage.deallocate()
    }

    /// The slot for `name`, adding an unbound one if the name is new.
    func slot(for name: String) -> Int {
        if let slot = slotsByName[name] { return slot }
        let slot = names.count
        if slot == capacity { grow() }
        names.append(name)
        slotsByName[name] = slot
        return slot
    }

    func existingSlot(for name: String) -> Int? { slotsByName[name] }

    private func grow() {
        let newCapacity = capacity * 2
        let newStorage = UnsafeMutablePointer<Value?>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: capacity)
        (newStorage + capacity).initialize(repeating: nil, count: newCapacity - capacity)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    subscript(name: String) -> Value? {
        get { slotsByName[name].flatMap { storage[$0] } }
        set { storage[slot(for: name)] = newValue }
    }

    /// Bound names and their values, in the order they were first seen.
    var bound: [(String, Value)] {
        names.enumerated().compactMap { slot, name in storage[slot].map { (name, $0) } }
    }
}
