// The one translation unit that defines Boost.Test's main for each unit-test
// executable; the suites live in tests/unit/MODULE/*.cpp.
#define BOOST_TEST_MODULE casebook
#include <boost/test/unit_test.hpp>
