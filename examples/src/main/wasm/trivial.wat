;; trivial.wat - the smallest useful WASI job (for latency benchmarks).
;;
;; Args: none (ignored).
;; Output: writes "ok\n" (3 bytes) to stdout with one fd_write call, then returns.
;; Exit code: 0 (returns from `_start` without calling proc_exit).
;; Imports: wasi_snapshot_preview1.fd_write only. Exports: `memory` (1 page) and `_start`.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; iovec at 0: { buf = 16, buf_len = 3 }; nwritten at 8; text at 16
  (data (i32.const 0) "\10\00\00\00\03\00\00\00")
  (data (i32.const 16) "ok\n")
  (func (export "_start")
    (drop (call $fd_write
      (i32.const 1)   ;; fd = stdout
      (i32.const 0)   ;; iovs
      (i32.const 1)   ;; iovs_len
      (i32.const 8))))) ;; nwritten
