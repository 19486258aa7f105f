#include "cevns/core/suggest.hpp"

#include <gtest/gtest.h>

namespace cevns {
namespace {

TEST(Suggest, EditDistanceIsLevenshteinIgnoringCase) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("CsI", "csi"), 0u);
  EXPECT_EQ(edit_distance("", "Ar40"), 4u);
}

TEST(Suggest, DidYouMeanListsOnlyCloseCandidates) {
  const std::vector<std::string> names{"CsI", "NaI", "CaWO4", "Xe"};
  EXPECT_NE(did_you_mean("CsJ", names).find("CsI"), std::string::npos);
  EXPECT_EQ(did_you_mean("Polyethylene", names), "");
}

}  // namespace
}  // namespace cevns
