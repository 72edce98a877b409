/// The error a throwing call raised, when it is of type `E`.
///
/// For tests that look inside an error (its message, its line) rather than only at its type:
///
/// ```swift
/// let error = caughtError(InputError.self) { _ = try SampleSheet(path: path) }
/// #expect(error?.line == 3)
/// ```
/// - Parameters:
///   - type: The error type expected.
///   - body: The call.
/// - Returns: The error, or `nil` when the call returned normally or raised another type.
public func caughtError<E: Error>(_ type: E.Type, _ body: () throws -> Void) -> E? {
    do {
        try body()
    } catch let error as E {
        return error
    } catch {
        return nil
    }
    return nil
}
