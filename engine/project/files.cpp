#include "engine/project/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "engine/core/error.hpp"

namespace casebook::project {
namespace fs = std::filesystem;

namespace {

// RAII for a POSIX file descriptor.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

void write_all(int fd, std::string_view content, const fs::path& path) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_io("cannot write " + path.string() + ": " + std::strerror(errno),
               "check free disk space and permissions");
    }
    done += static_cast<std::size_t>(n);
  }
}

void fsync_directory(const fs::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
  if (fd.get() >= 0) ::fsync(fd.get());
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content) {
  fs::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) {
      throw_io("cannot create " + tmp.string() + ": " + std::strerror(errno),
               "check free disk space and permissions");
    }
    write_all(fd.get(), content, tmp);
    if (::fsync(fd.get()) != 0)
      throw_io("cannot sync " + tmp.string() + ": " + std::strerror(errno));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw_io("cannot replace " + path.string() + ": " + std::strerror(err));
  }
  fsync_directory(path.parent_path());
}

std::string read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_io("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string read_input_file(const fs::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    throw_data(path.string() + ": no such file", "check the path");
  }
  if (!fs::is_regular_file(status)) {
    throw_data(path.string() + ": not a regular file", "pass a file or a directory of files");
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw_data(path.string() + ": cannot read its size: " + ec.message());
  if (size > max_bytes) {
    throw_data(path.string() + ": file is " + std::to_string(size >> 20) +
                   " MiB, larger than the import limit of " + std::to_string(max_bytes >> 20) +
                   " MiB",
               "split the file, or raise the limit with --max-size MB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw_data(path.string() + ": cannot open: " + std::strerror(errno), "check permissions");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    throw_data(path.string() + ": read fewer bytes than its size (file changed while reading?)",
               "retry the import");
  }
  return bytes;
}

}  // namespace casebook::project
