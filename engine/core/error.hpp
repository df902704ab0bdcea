#pragma once
// The one error type the engine throws. Every error says what went wrong with
// which file or argument, and (in `hint`) what the user can do about it. The
// CLI maps the kind to an exit status in one place (cli/main.cpp).

#include <stdexcept>
#include <string>

namespace casebook {

enum class ErrorKind {
  Usage,     // a bad argument or option: exit status 2
  Data,      // bad input data (file, sheet, query): exit status 1
  NotFound,  // a project, source or case that does not exist: exit status 1
  Conflict,  // refused because it would lose or overwrite work: exit status 1
  Busy,      // another process holds the project: exit status 1, retry later
  Io,        // the operating system refused a read or write: exit status 1
  Internal,  // a bug or a corrupt store: exit status 1
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, std::string hint = {})
      : std::runtime_error(std::move(message)), kind_(kind), hint_(std::move(hint)) {}

  ErrorKind kind() const noexcept { return kind_; }
  const std::string& hint() const noexcept { return hint_; }

 private:
  ErrorKind kind_;
  std::string hint_;
};

// Shorthands that keep throw sites readable.
[[noreturn]] inline void throw_usage(std::string message, std::string hint = {}) {
  throw Error(ErrorKind::Usage, std::move(message), std::move(hint));
}
[[noreturn]] inline void throw_data(std::string message, std::string hint = {}) {
  throw Error(ErrorKind::Data, std::move(message), std::move(hint));
}
[[noreturn]] inline void throw_not_found(std::string message, std::string hint = {}) {
  throw Error(ErrorKind::NotFound, std::move(message), std::move(hint));
}
[[noreturn]] inline void throw_conflict(std::string message, std::string hint = {}) {
  throw Error(ErrorKind::Conflict, std::move(message), std::move(hint));
}
[[noreturn]] inline void throw_io(std::string message, std::string hint = {}) {
  throw Error(ErrorKind::Io, std::move(message), std::move(hint));
}
[[noreturn]] inline void throw_internal(std::string message, std::string hint = {}) {
  throw Error(ErrorKind::Internal, std::move(message), std::move(hint));
}

}  // namespace casebook
