;; trap.wat - the smallest job that fails with a WebAssembly trap.
;;
;; Args: none (ignored). Output: none.
;; Behaviour: `_start` executes `unreachable`, so the instance traps immediately.
;; There is no exit code: the runtime must report a trap / failure, not exit 0.
;; Imports: none. Exports: `memory` (1 page) and `_start`.
(module
  (memory (export "memory") 1)
  (func (export "_start")
    unreachable))
