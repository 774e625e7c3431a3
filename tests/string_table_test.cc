#include "neardup/report.h"

#include <doctest/doctest.h>

#include <string>

namespace neardup {

TEST_CASE("a string table gives back every string, empty and long ones included") {
  StringTable table{"a.txt", "", "rec-7"};
  const std::string big(3 << 20, 'x');  // larger than a block
  table.push_back(big);
  table.push_back("after");
  REQUIRE(table.size() == 5);
  CHECK(table[0] == "a.txt");
  CHECK(table[1].empty());
  CHECK(table[2] == "rec-7");
  CHECK(table[3] == big);
  CHECK(table[4] == "after");
}

TEST_CASE("strings stay where they are while the table grows") {
  StringTable table;
  table.push_back("first");
  const std::string_view first = table[0];
  for (int i = 0; i < 200000; ++i) table.push_back("document-" + std::to_string(i));
  CHECK(first == "first");
  CHECK(first.data() == table[0].data());
  CHECK(table[199999 + 1] == "document-199999");
}

}  // namespace neardup
