// Linked into the casebook binary in sanitizer builds (CASEBOOK_SANITIZE,
// CASEBOOK_FUZZ) only. casebook exits 1 for an ordinary error, and so would
// a sanitizer by default: an end-to-end test that expects a refusal would
// then pass over a heap overflow. Exiting 99 on any report makes every test
// that checks the exit status fail on it. ASAN_OPTIONS / UBSAN_OPTIONS in
// the environment still override these defaults.

extern "C" {

const char* __asan_default_options() {
  return "exitcode=99:detect_leaks=1";
}

const char* __ubsan_default_options() {
  return "exitcode=99:halt_on_error=1:print_stacktrace=1";
}

const char* __lsan_default_options() {
  return "exitcode=99";
}

}  // extern "C"
