# All dependencies come from Debian 12 packages (scripts/install-deps.sh).

# libxapian-dev ships xapian-config.cmake with variables only: wrap them.
find_package(Xapian 1.4 REQUIRED CONFIG)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(pugixml 1.11 REQUIRED CONFIG)
find_package(SQLiteCpp 3.2 REQUIRED CONFIG)
find_package(Boost 1.74 REQUIRED COMPONENTS unit_test_framework)
find_package(CLI11 2.1 REQUIRED CONFIG)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
# GitHub's CommonMark (libcmark-gfm-dev + libcmark-gfm-extensions-dev, for
# tables), found through pkg-config, whose .pc links both libraries.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm>=0.29)
if(NOT TARGET cmark::gfm)
  add_library(cmark::gfm ALIAS PkgConfig::CMARK_GFM)
endif()
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)

# ZIP containers (DOCX, ODT, XLSX, REFI-QDA .qdpx): libzip, through pkg-config.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip>=1.7)
# HTML5 parsing: Google's gumbo (libgumbo-dev).
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo>=0.10)
# HTTP for harvesting (libcurl4-openssl-dev).
find_package(CURL 7.74 REQUIRED)
# XLSX export: Debian's libxlsxwriter (libxlsxwriter-dev).
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter>=1.0)
