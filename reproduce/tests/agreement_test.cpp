// The self-check that verdicts repeat: two claims.json documents compared verdict by verdict.
#include "reproduce/agreement.hpp"

#include <gtest/gtest.h>

namespace rp = apibench::reproduce;
using nlohmann::json;

namespace {

json verdict(const std::string& subject, const std::string& v) {
  return {{"family", "real peers"}, {"subject", subject}, {"verdict", v}};
}

// One claim, one row, with these verdicts.
json claims(const std::vector<json>& verdicts) {
  return {{"claims", {{{"number", 2}, {"rows", {{{"metric", "p99.9 / p50"}, {"verdicts", verdicts}}}}}}}};
}

}  // namespace

TEST(Agreement, CountsTheSameTheChangedAndTheFlipped) {
  const json first = claims({verdict("a vs x", "holds"), verdict("a vs y", "holds"), verdict("b vs x", "inconclusive"),
                             verdict("b vs y", "does not hold"), verdict("c vs x", "not measured")});
  const json second = claims({verdict("a vs x", "holds"), verdict("a vs y", "does not hold"), verdict("b vs x", "holds"),
                              verdict("b vs y", "does not hold"), verdict("c vs x", "holds")});
  const rp::Agreement a = rp::agreement_of(first, second);
  EXPECT_EQ(a.compared, 4u);  // "not measured" in either run is left out
  EXPECT_EQ(a.same, 2u);
  EXPECT_EQ(a.flipped, 1u);
  EXPECT_EQ(a.decided_first, 3u);
  EXPECT_EQ(a.decided_second, 4u);
  ASSERT_EQ(a.changed.size(), 2u);
  EXPECT_EQ(a.changed[0].row, "claim 2 | p99.9 / p50 | real peers: a vs y");
  EXPECT_EQ(a.changed[0].first, "holds");
  EXPECT_EQ(a.changed[0].second, "does not hold");
  EXPECT_DOUBLE_EQ(a.share_same(), 0.5);
  const std::string text = rp::agreement_markdown(a, "A", "B");
  EXPECT_NE(text.find("2 of 4 verdicts measured in both runs are the same (50.0%); 1 flipped"), std::string::npos) << text;
  EXPECT_NE(text.find("| claim 2 | p99.9 / p50 | real peers: b vs x | inconclusive | holds |"), std::string::npos) << text;
}

TEST(Agreement, IdenticalRunsAgreeFully) {
  const json one = claims({verdict("a vs x", "holds"), verdict("b vs x", "inconclusive")});
  const rp::Agreement a = rp::agreement_of(one, one);
  EXPECT_EQ(a.compared, 2u);
  EXPECT_EQ(a.same, 2u);
  EXPECT_TRUE(a.changed.empty());
}

TEST(Agreement, ADocumentThatIsNotAClaimsFileIsAClearError) {
  EXPECT_THROW(rp::agreement_of(json::object(), claims({})), std::runtime_error);
  EXPECT_THROW(rp::agreement_of(claims({}), json::array()), std::runtime_error);
}
