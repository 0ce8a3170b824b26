// The process-wide merge memo: one merge per pair of inputs, the same
// result object for every later caller (any thread), and counts that show
// it.

#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "runtime/http/merge_memo.hpp"

namespace feather::runtime {
namespace {

std::shared_ptr<const DirConfigSet> with_type(const std::string& type)
{
    auto set = std::make_shared<DirConfigSet>();
    set->edit<mod::core::CoreDirConfig>().mime_type.set(type, SourceLoc{});
    return set;
}

TEST(MergeMemo, SecondMergeOfTheSamePairIsAHit)
{
    const auto base = with_type("a/base");
    const auto add = with_type("a/add");
    const MergeCounts before = merge_memo_counts();
    const auto first = merge_memoised(base, add);
    const auto second = merge_memoised(base, add);
    const MergeCounts after = merge_memo_counts();
    EXPECT_EQ(first, second);
    EXPECT_EQ(*get<mod::core::CoreDirConfig>(*first).mime_type.value, "a/add");
    EXPECT_EQ(after.merges - before.merges, 1u);
    EXPECT_EQ(after.hits - before.hits, 1u);
}

TEST(MergeMemo, OtherOrderIsAnotherMerge)
{
    const auto a = with_type("x/a");
    const auto b = with_type("x/b");
    EXPECT_NE(merge_memoised(a, b), merge_memoised(b, a));
    EXPECT_EQ(*get<mod::core::CoreDirConfig>(*merge_memoised(b, a)).mime_type.value, "x/a");
}

TEST(MergeMemo, ThreadsShareOneResult)
{
    const auto base = with_type("t/base");
    const auto add = with_type("t/add");
    constexpr int kThreads = 8;
    constexpr int kRounds = 1000;
    std::vector<std::shared_ptr<const DirConfigSet>> seen(kThreads);
    const MergeCounts before = merge_memo_counts();
    {
        std::vector<std::jthread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&, i] {
                for (int n = 0; n < kRounds; ++n) {
                    auto got = merge_memoised(base, add);
                    if (seen[i] && seen[i] != got) {
                        ADD_FAILURE() << "a thread saw two results";
                    }
                    seen[i] = got;
                }
            });
        }
    }
    for (const auto& s : seen) {
        EXPECT_EQ(s, seen.front());
    }
    const MergeCounts after = merge_memo_counts();
    // Threads racing on the first lookup may each merge once; everything
    // after that is a hit.
    EXPECT_LE(after.merges - before.merges, static_cast<std::uint64_t>(kThreads));
    EXPECT_EQ((after.merges - before.merges) + (after.hits - before.hits),
              static_cast<std::uint64_t>(kThreads * kRounds));
}

}  // namespace
}  // namespace feather::runtime
