/// SplitMix64: a small, fast, counter-friendly pseudo-random generator.
/// Deterministic for a seed on every platform, so every sampled point can be reproduced.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijective avalanche of 64 bits.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1) with 53 random bits.
    @inline(__always)
    public static func unitInterval(_ bits: UInt64) -> Double {
        Double(bits >> 11) * 0x1.0p-53
    }

    public mutating func nextUnit() -> Double { SplitMix64.unitInterval(next()) }

    /// A stream derived from this seed and a label (for example a step ID), independent of others.
    public static func derived(seed: UInt64, label: String) -> SplitMix64 {
        SplitMix64(seed: mix(seed ^ labelHash(label)))
    }

    /// FNV-1a of a label: stable across runs and machines (Swift's Hasher is seeded per process).
    public static func labelHash(_ label: String) -> UInt64 {
        label.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
