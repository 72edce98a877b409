import Dispatch
import Synchronization

/// A value computed on Dispatch's pool while the caller goes on with other work.
///
/// Invariant: the computation runs exactly once, and ``value`` returns its result to every
/// caller, waiting for it the first time.
public final class BackgroundValue<Value: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    /// Starts `compute` at once on a pool thread.
    public init(_ compute: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            let value = compute()
            result.withLock { $0 = value }
            finished.signal()
        }
    }

    /// The computed value; blocks until the computation has returned.
    public var value: Value {
        finished.wait()
        // Let the next caller through as well.
        finished.signal()
        return result.withLock { $0! }
    }
}
