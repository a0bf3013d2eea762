// The one host global the engine uses: structuredClone exists in Node ≥ 17 and every browser we
// support, but lives in neither the ES lib nor (without DOM/Node types) this package's types.
declare function structuredClone<T>(value: T): T;
