#include "runner/mann_whitney.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace apibench::runner {
namespace {

struct Ranked {
  double rank_sum_a = 0;
  double tie_term = 0;  // sum of t^3 - t over tied groups
  bool ties = false;
};

Ranked rank(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<std::pair<double, bool>> all;  // value, from a
  for (double v : a) all.emplace_back(v, true);
  for (double v : b) all.emplace_back(v, false);
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  Ranked r;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    double t = static_cast<double>(j - i);
    if (t > 1) {
      r.ties = true;
      r.tie_term += t * t * t - t;
    }
    for (std::size_t k = i; k < j; ++k) {
      if (all[k].second) r.rank_sum_a += mid_rank;
    }
    i = j;
  }
  return r;
}

// Number of arrangements giving each U, for sizes n1 and n2 (the exact null distribution).
std::vector<double> u_distribution(std::size_t n1, std::size_t n2) {
  // f[i][j][u]: ways for sizes i, j; built up one size at a time.
  std::size_t max_u = n1 * n2;
  std::vector<std::vector<std::vector<double>>> f(n1 + 1, std::vector<std::vector<double>>(n2 + 1));
  for (std::size_t i = 0; i <= n1; ++i) {
    for (std::size_t j = 0; j <= n2; ++j) {
      f[i][j].assign(max_u + 1, 0);
      if (i == 0 || j == 0) {
        f[i][j][0] = 1;
        continue;
      }
      for (std::size_t u = 0; u <= i * j; ++u) {
        double with_a_last = u >= j ? f[i - 1][j][u - j] : 0;  // the largest value is from a: it beats all j
        f[i][j][u] = with_a_last + f[i][j - 1][u];
      }
    }
  }
  return f[n1][n2];
}

double exact_p(double u, std::size_t n1, std::size_t n2) {
  std::vector<double> dist = u_distribution(n1, n2);
  double total = std::accumulate(dist.begin(), dist.end(), 0.0);
  double mean = static_cast<double>(n1 * n2) / 2;
  double extreme = std::abs(u - mean);
  double tail = 0;
  for (std::size_t k = 0; k < dist.size(); ++k) {
    if (std::abs(static_cast<double>(k) - mean) >= extreme - 1e-9) tail += dist[k];
  }
  return std::min(1.0, tail / total);
}

}  // namespace

UTestResult mann_whitney_u(const std::vector<double>& a, const std::vector<double>& b) {
  UTestResult r;
  if (a.empty() || b.empty()) return r;
  const double n1 = static_cast<double>(a.size()), n2 = static_cast<double>(b.size());
  Ranked ranked = rank(a, b);
  r.u = ranked.rank_sum_a - n1 * (n1 + 1) / 2;
  if (!ranked.ties && a.size() <= 20 && b.size() <= 20) {
    r.exact = true;
    r.p_value = exact_p(r.u, a.size(), b.size());
    return r;
  }
  double n = n1 + n2;
  double variance = n1 * n2 / 12 * ((n + 1) - ranked.tie_term / (n * (n - 1)));
  if (variance <= 0) return r;  // every value equal: no evidence of a difference
  double z = (std::abs(r.u - n1 * n2 / 2) - 0.5) / std::sqrt(variance);  // with continuity correction
  r.p_value = std::min(1.0, std::erfc(std::max(0.0, z) / std::sqrt(2.0)));
  return r;
}

double smallest_possible_p(std::size_t n1, std::size_t n2) {
  if (n1 == 0 || n2 == 0) return 1;
  std::vector<double> dist = u_distribution(n1, n2);
  double total = std::accumulate(dist.begin(), dist.end(), 0.0);
  return std::min(1.0, 2 * dist[0] / total);
}

}  // namespace apibench::runner
