;; loop.wat - a job that never finishes (for timeout and cancellation tests).
;;
;; Args: none (ignored). Output: none.
;; Behaviour: `_start` spins forever in a tight `loop`/`br` that only increments a
;; local; it makes no WASI calls, so only the runtime's timeout / interruption can
;; stop it. There is no exit code.
;; Imports: none. Exports: `memory` (1 page) and `_start`.
(module
  (memory (export "memory") 1)
  (func (export "_start")
    (local $i i64)
    (loop $forever
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br $forever))))
