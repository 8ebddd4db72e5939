package dev.parallax.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Statistics behind the compare stage: means, bootstrap confidence intervals, permutation tests,
 * false-discovery-rate adjustment, effect sizes, the "Fightin' Words" log-odds ratio and the normal
 * distribution function.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Values and units.</b> Samples are plain {@code double} values, typically sentence tones;
 *       a mean, a difference of means or a confidence limit is in the same unit as the values.
 *       Elements must be finite; this is not checked, and a NaN or infinite element gives
 *       unspecified (usually NaN) results.</li>
 *   <li><b>Clusters.</b> The {@code ...Clustered} methods take {@code double[][]}: one inner array
 *       per article holding the values of its sentences. Inner arrays may be empty but not
 *       {@code null}. Their statistic is the pooled sentence mean (sum of all sentence values
 *       divided by the number of sentences, a ratio estimator), and resampling or permuting moves
 *       whole articles, which respects the dependence between sentences of one article. The plain
 *       methods are the special case in which every value is a cluster of its own.</li>
 *   <li><b>Empty data</b> gives NaN, never an exception. Arguments outside a method's contract
 *       ({@code reps < 1}, a level outside (0, 1), negative counts, ...) throw
 *       {@link IllegalArgumentException}; {@code null} arrays throw {@link NullPointerException}.</li>
 *   <li><b>Randomness</b> comes only from a {@link SplittableRandom} built from the caller's seed,
 *       so equal arguments always give identical results, on any machine and thread.</li>
 *   <li><b>Quantiles</b> follow Hyndman &amp; Fan (1996) definition 7, R's default and "linear
 *       interpolation between closest ranks": for sorted values {@code v[0..n-1]} and probability
 *       {@code p}, let {@code h = (n - 1) p}; the quantile is
 *       {@code v[floor(h)] + (h - floor(h)) (v[floor(h) + 1] - v[floor(h)])}.</li>
 * </ul>
 */
public final class Statistics {

    /** Absolute slack when comparing a permuted statistic with the observed one, so ties that
     *  differ only by rounding count as "at least as extreme". */
    private static final double TIE_TOLERANCE = 1e-12;

    /** Largest number of splits {@link #exactPermutationPValue} will enumerate. */
    private static final long MAX_EXACT_SPLITS = 2_000_000L;

    /** Above this |z|, {@link #normalCdf} evaluates the tail by continued fraction instead of series. */
    private static final double TAIL_SWITCH = 3.0;

    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Statistics() {}

    // ---------------------------------------------------------------------------------------------
    // Moments and quantiles

    /** Arithmetic mean; NaN for an empty array. */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /**
     * Unbiased sample variance (divisor {@code n - 1}), in squared units of the values;
     * NaN when {@code n < 2}.
     */
    public static double sampleVariance(double[] x) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            double d = v - m;
            ss += d * d;
        }
        return ss / (n - 1);
    }

    /**
     * The {@code p}-quantile of {@code x} by definition 7 (see the class comment); NaN for an empty
     * array. {@code x} is not modified.
     *
     * @param p probability in [0, 1]
     */
    public static double quantile(double[] x, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
        }
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, sorted.length, p);
    }

    /**
     * The {@code p1} and {@code p2} quantiles ({@code p1 <= p2}, same definition as
     * {@link #quantile}) of {@code x[0, n)}, NaN-free, found by selection in linear time instead
     * of a sort; {@code x[0, n)} is reordered. Values are those of the sorted array, bit for bit:
     * elements are ordered as {@link Arrays#sort(double[])} orders them (−0.0 before 0.0).
     */
    static double[] quantilePair(double[] x, int n, double p1, double p2) {
        int k1 = Math.min((int) Math.floor((n - 1) * p1), n - 1);
        select(x, 0, n, k1);
        double q1 = interpolate(x, n, k1, p1);
        int k2 = Math.min((int) Math.floor((n - 1) * p2), n - 1);
        if (k2 > k1) {
            select(x, k1 + 1, n, k2); // x[k1 + 1, n) holds exactly the elements ranked above k1
        }
        return new double[] {q1, interpolate(x, n, k2, p2)};
    }

    /** {@link #quantileOfSorted} once {@code x[k]} is in its sorted place and all above are not less. */
    private static double interpolate(double[] x, int n, int k, double p) {
        if (k >= n - 1) {
            return x[k];
        }
        double next = x[k + 1];
        for (int i = k + 2; i < n; i++) {
            if (before(x[i], next)) {
                next = x[i];
            }
        }
        double h = (n - 1) * p;
        return x[k] + (h - k) * (next - x[k]);
    }

    /**
     * Rearranges {@code x[from, to)} so that {@code x[k]} is the one a sort would put there, the
     * elements before it not after it and those after it not before it. Three-way partitions
     * around a median-of-three pivot, so runs of equal values (a group whose tones are all 0)
     * take linear time.
     */
    private static void select(double[] x, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        while (hi > lo) {
            double pivot = median(x[lo], x[(lo + hi) >>> 1], x[hi]);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                if (before(x[i], pivot)) {
                    swap(x, lt++, i++);
                } else if (before(pivot, x[i])) {
                    swap(x, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
    }

    private static double median(double a, double b, double c) {
        if (before(b, a)) {
            double t = a;
            a = b;
            b = t;
        }
        // a <= b
        if (before(c, a)) {
            return a;
        }
        return before(c, b) ? c : b;
    }

    /** Arrays.sort's order on NaN-free doubles: numeric, −0.0 before 0.0. */
    private static boolean before(double a, double b) {
        return a < b || (a == b && Double.doubleToRawLongBits(a) < Double.doubleToRawLongBits(b));
    }

    private static void swap(double[] x, int i, int j) {
        double t = x[i];
        x[i] = x[j];
        x[j] = t;
    }

    private static double quantileOfSorted(double[] sorted, int n, double p) {
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    // ---------------------------------------------------------------------------------------------
    // Bootstrap confidence intervals (percentile method)

    /**
     * Percentile bootstrap confidence interval for the mean of {@code x}: {@code reps} resamples of
     * size {@code n} drawn with replacement, and the {@code (1 - level)/2} and {@code (1 + level)/2}
     * quantiles (definition 7) of their means.
     *
     * @param x the sample
     * @param reps number of bootstrap replicates, at least 1 (2,000 or more for a 95% interval)
     * @param level coverage, in the open interval (0, 1), e.g. 0.95
     * @param seed seed of the {@link SplittableRandom} that draws the resamples
     * @return {@code {low, high}} in the unit of the values; {@code {NaN, NaN}} for an empty
     *     {@code x}; {@code {x[0], x[0]}} when {@code n = 1}
     */
    public static double[] bootstrapMeanCi(double[] x, int reps, double level, long seed) {
        return Arrays.copyOf(bootstrap(Sample.ofValues(x), null, reps, level, seed), 2);
    }

    /**
     * Cluster bootstrap confidence interval for the pooled sentence mean: each replicate draws as many
     * articles as there are, with replacement, and takes the mean over all sentences of the drawn
     * articles. A replicate whose drawn articles hold no sentence has no mean; it is skipped and
     * counted, and the interval comes from the remaining replicates.
     *
     * @param clusters sentence values grouped by article; inner arrays may be empty
     * @param reps number of bootstrap replicates drawn, at least 1
     * @param level coverage, in (0, 1)
     * @param seed seed of the {@link SplittableRandom} that draws the resamples
     * @return {@code {low, high, skipped}}: the limits in the unit of the values, and the number of
     *     replicates skipped (as a double). Without any sentence at all, or when every replicate was
     *     skipped, {@code {NaN, NaN, reps}}.
     */
    public static double[] bootstrapMeanCiClustered(double[][] clusters, int reps, double level, long seed) {
        return bootstrap(Sample.ofClusters(clusters), null, reps, level, seed);
    }

    /**
     * Percentile bootstrap confidence interval for {@code mean(a) - mean(b)}, resampling {@code a}
     * and {@code b} independently, each with replacement at its own size.
     *
     * @param a first sample
     * @param b second sample
     * @param reps number of bootstrap replicates, at least 1
     * @param level coverage, in (0, 1)
     * @param seed seed of the {@link SplittableRandom} that draws the resamples
     * @return {@code {low, high}} in the unit of the values; {@code {NaN, NaN}} if either sample is
     *     empty
     */
    public static double[] bootstrapDiffCi(double[] a, double[] b, int reps, double level, long seed) {
        return Arrays.copyOf(bootstrap(Sample.ofValues(a), Sample.ofValues(b), reps, level, seed), 2);
    }

    /**
     * Cluster bootstrap confidence interval for the difference of pooled sentence means,
     * {@code pooledMean(a) - pooledMean(b)}, resampling the articles of {@code a} and of {@code b}
     * independently. A replicate in which either side drew no sentence is skipped and counted.
     *
     * @param a first group's sentence values by article
     * @param b second group's sentence values by article
     * @param reps number of bootstrap replicates drawn, at least 1
     * @param level coverage, in (0, 1)
     * @param seed seed of the {@link SplittableRandom} that draws the resamples
     * @return {@code {low, high, skipped}} as for {@link #bootstrapMeanCiClustered}; {@code {NaN,
     *     NaN, reps}} if either side has no sentence at all
     */
    public static double[] bootstrapDiffCiClustered(
            double[][] a, double[][] b, int reps, double level, long seed) {
        return bootstrap(Sample.ofClusters(a), Sample.ofClusters(b), reps, level, seed);
    }

    /** Bootstrap of {@code mean(a)}, or of {@code mean(a) - mean(b)} when {@code b} is given. */
    private static double[] bootstrap(Sample a, Sample b, int reps, double level, long seed) {
        requireReps(reps);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        if (a.sentences == 0 || (b != null && b.sentences == 0)) {
            return new double[] {Double.NaN, Double.NaN, reps};
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] stats = new double[reps];
        int kept = 0;
        for (int r = 0; r < reps; r++) {
            double stat = a.resampledMean(rng);
            if (b != null) {
                stat -= b.resampledMean(rng);
            }
            if (!Double.isNaN(stat)) {
                stats[kept++] = stat;
            }
        }
        if (kept == 0) {
            return new double[] {Double.NaN, Double.NaN, reps};
        }
        double[] q = quantilePair(stats, kept, (1 - level) / 2, (1 + level) / 2);
        return new double[] {q[0], q[1], reps - kept};
    }

    /**
     * The replicates behind {@link #bootstrapMeanCi}: {@code reps} means of resamples of {@code x}
     * of size {@code n}, drawn with replacement, in draw order. With the same seed they are the
     * draws of {@code bootstrapMeanCi}, so {@code percentileInterval(bootstrapMeans(x, r, s), l)}
     * equals {@code bootstrapMeanCi(x, r, l, s)}.
     *
     * @return {@code reps} means; all NaN for an empty {@code x}
     */
    public static double[] bootstrapMeans(double[] x, int reps, long seed) {
        return replicates(Sample.ofValues(x), reps, seed);
    }

    /**
     * The replicates behind {@link #bootstrapMeanCiClustered}: {@code reps} pooled sentence means of
     * resamples of the articles, drawn with replacement; NaN for a replicate that drew no sentence.
     */
    public static double[] bootstrapMeansClustered(double[][] clusters, int reps, long seed) {
        return replicates(Sample.ofClusters(clusters), reps, seed);
    }

    private static double[] replicates(Sample a, int reps, long seed) {
        requireReps(reps);
        double[] out = new double[reps];
        if (a.sentences == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int r = 0; r < reps; r++) {
            out[r] = a.resampledMean(rng);
        }
        return out;
    }

    /**
     * Percentile interval of bootstrap replicates: the {@code (1 - level)/2} and
     * {@code (1 + level)/2} quantiles of the non-NaN replicates.
     *
     * @return {@code {low, high, skipped}}, skipped = number of NaN replicates (as a double);
     *     {@code {NaN, NaN, n}} when every replicate is NaN
     */
    public static double[] percentileInterval(double[] replicates, double level) {
        return percentile(replicates, null, level);
    }

    /**
     * Percentile interval of a difference from two independent sets of bootstrap replicates of
     * equal length: replicate {@code r} of the difference is {@code a[r] - b[r]}. Because the two
     * sets come from independent resamplings (different seeds), this is the bootstrap of
     * {@code mean(a) - mean(b)} with the two samples resampled independently, and each set can be
     * drawn once and shared by every comparison its sample takes part in.
     *
     * @return {@code {low, high, skipped}} as for {@link #percentileInterval}
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double[] percentileDiffInterval(double[] a, double[] b, double level) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("replicate counts differ: " + a.length + " and " + b.length);
        }
        return percentile(a, b, level);
    }

    private static double[] percentile(double[] a, double[] b, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        double[] stats = new double[a.length];
        int kept = 0;
        for (int r = 0; r < a.length; r++) {
            double stat = b == null ? a[r] : a[r] - b[r];
            if (!Double.isNaN(stat)) {
                stats[kept++] = stat;
            }
        }
        if (kept == 0) {
            return new double[] {Double.NaN, Double.NaN, a.length};
        }
        double[] q = quantilePair(stats, kept, (1 - level) / 2, (1 + level) / 2);
        return new double[] {q[0], q[1], a.length - kept};
    }

    // ---------------------------------------------------------------------------------------------
    // Permutation tests

    /**
     * Two-sided Monte Carlo permutation test of {@code mean(a) = mean(b)}. Each of {@code reps}
     * permutations reassigns the pooled values at random to groups of the original sizes; the
     * p-value is {@code (1 + B) / (reps + 1)} with {@code B} the number of permutations whose
     * {@code |mean difference|} is at least the observed one less 1e-12 (Phipson &amp; Smyth 2010,
     * which keeps the test valid and p above zero).
     *
     * @param a first sample
     * @param b second sample
     * @param reps number of random permutations, at least 1; the smallest attainable p-value is
     *     {@code 1 / (reps + 1)}, e.g. 0.001 for 999
     * @param seed seed of the {@link SplittableRandom} that draws the permutations
     * @return p in (0, 1]; NaN if either sample is empty
     */
    public static double permutationPValue(double[] a, double[] b, int reps, long seed) {
        return permutation(Sample.ofValues(a), Sample.ofValues(b), reps, seed);
    }

    /**
     * Two-sided Monte Carlo permutation test for clustered data: whole articles are reassigned at
     * random between the groups (keeping each group's number of articles), and the statistic is the
     * difference of pooled sentence means. A permutation that leaves one group without a sentence
     * has no statistic; it is left out of both {@code B} and the {@code reps} in
     * {@code (1 + B) / (reps + 1)}.
     *
     * @param a first group's sentence values by article
     * @param b second group's sentence values by article
     * @param reps number of random permutations, at least 1
     * @param seed seed of the {@link SplittableRandom} that draws the permutations
     * @return p in (0, 1]; NaN if either group has no sentence
     */
    public static double permutationPValueClustered(double[][] a, double[][] b, int reps, long seed) {
        return permutation(Sample.ofClusters(a), Sample.ofClusters(b), reps, seed);
    }

    /**
     * Exact two-sided permutation p-value for {@code mean(a) = mean(b)}: the share of all
     * {@code C(n_a + n_b, n_a)} splits of the pooled values (the observed one included) whose
     * {@code |mean difference|} is at least the observed one less 1e-12.
     *
     * @return p in (0, 1]; NaN if either sample is empty
     * @throws IllegalArgumentException if there are more than 2,000,000 splits
     */
    public static double exactPermutationPValue(double[] a, double[] b) {
        return exactPermutation(Sample.ofValues(a), Sample.ofValues(b));
    }

    /**
     * Exact counterpart of {@link #permutationPValueClustered}: enumerates all ways to split the
     * articles into groups of the original article counts; splits leaving a group without a
     * sentence are excluded from numerator and denominator.
     *
     * @return p in (0, 1]; NaN if either group has no sentence
     * @throws IllegalArgumentException if there are more than 2,000,000 splits
     */
    public static double exactPermutationPValueClustered(double[][] a, double[][] b) {
        return exactPermutation(Sample.ofClusters(a), Sample.ofClusters(b));
    }

    private static double permutation(Sample a, Sample b, int reps, long seed) {
        requireReps(reps);
        if (a.sentences == 0 || b.sentences == 0) {
            return Double.NaN;
        }
        if (a.size() > b.size()) {
            // |statistic| is symmetric in the groups; drawing the smaller one is cheaper.
            return permutation(b, a, reps, seed);
        }
        Sample all = Sample.concat(a, b);
        double threshold = Math.abs(all.splitDifference(a.total, a.sentences)) - TIE_TOLERANCE;
        int k = all.size();
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        long extreme = 0;
        long valid = 0;
        for (int r = 0; r < reps; r++) {
            double sum = 0;
            long sentences = 0;
            for (int i = 0; i < a.size(); i++) {
                int j = i + rng.nextInt(k - i);
                int c = order[j];
                order[j] = order[i];
                order[i] = c;
                sum += all.sums[c];
                sentences += all.sizes[c];
            }
            double d = all.splitDifference(sum, sentences);
            if (!Double.isNaN(d)) {
                valid++;
                if (Math.abs(d) >= threshold) {
                    extreme++;
                }
            }
        }
        return (1.0 + extreme) / (valid + 1.0);
    }

    private static double exactPermutation(Sample a, Sample b) {
        if (a.sentences == 0 || b.sentences == 0) {
            return Double.NaN;
        }
        if (a.size() > b.size()) {
            return exactPermutation(b, a);
        }
        Sample all = Sample.concat(a, b);
        long splits = binomialUpTo(all.size(), a.size(), MAX_EXACT_SPLITS);
        if (splits > MAX_EXACT_SPLITS) {
            throw new IllegalArgumentException("more than " + MAX_EXACT_SPLITS + " splits of "
                    + all.size() + " units into groups of " + a.size() + " and " + b.size());
        }
        double threshold = Math.abs(all.splitDifference(a.total, a.sentences)) - TIE_TOLERANCE;
        long[] tally = new long[2]; // {extreme, valid}
        enumerateSplits(all, 0, a.size(), 0, 0, threshold, tally);
        return (double) tally[0] / tally[1];
    }

    /** Visits every choice of {@code left} more units from {@code from..}, tallying its statistic. */
    private static void enumerateSplits(
            Sample all, int from, int left, double sum, long sentences, double threshold, long[] tally) {
        if (left == 0) {
            double d = all.splitDifference(sum, sentences);
            if (!Double.isNaN(d)) {
                tally[1]++;
                if (Math.abs(d) >= threshold) {
                    tally[0]++;
                }
            }
            return;
        }
        for (int i = from; i <= all.size() - left; i++) {
            enumerateSplits(all, i + 1, left - 1, sum + all.sums[i], sentences + all.sizes[i], threshold, tally);
        }
    }

    /** {@code C(n, k)}, or some value above {@code cap} once it exceeds {@code cap}. */
    private static long binomialUpTo(int n, int k, long cap) {
        long c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
            if (c > cap) {
                return c;
            }
        }
        return c;
    }

    /**
     * Two-sided permutation test of {@code mean(a) = mean(b)} with the permutation distribution
     * replaced by its normal approximation (the "asymptotic" permutation test, as in Strasser &amp;
     * Weber 1999 and R's coin). Under random relabelling the sum of group {@code a} is a sample
     * without replacement of {@code k_a} of the {@code k} pooled values, whose variance is exactly
     * {@code k_a k_b / (k (k - 1)) · Σ (x - x̄)²}; the mean difference is linear in that sum, so
     * {@code z = observed difference / its permutation standard deviation} and
     * {@code p = 2 Φ(-|z|)}. Accurate when both groups are large (tens of values or more), and
     * free of the Monte Carlo floor {@code 1 / (reps + 1)}.
     *
     * @return p in (0, 1]; 1 when all values are equal; NaN if either sample is empty
     */
    public static double asymptoticPermutationPValue(double[] a, double[] b) {
        return asymptotic(Sample.ofValues(a), Sample.ofValues(b));
    }

    /**
     * The asymptotic counterpart of {@link #permutationPValueClustered}: whole articles are the
     * units and the statistic is the difference of pooled sentence means. It is linearised around
     * the pooled mean μ: with article residuals {@code e_i = s_i - μ n_i} (value sum minus μ times
     * sentence count, Σ e = 0), the difference is {@code Σ_a e_i · (1/E[N_a] + 1/E[N_b])} to first
     * order, where {@code E[N_a] = k_a N / k} is the expected sentence count of group a, and the
     * permutation variance of {@code Σ_a e_i} is {@code k_a k_b / (k (k - 1)) · Σ e_i²}. With one
     * sentence per article this is exactly {@link #asymptoticPermutationPValue}.
     *
     * @return p in (0, 1]; NaN if either group has no sentence
     */
    public static double asymptoticPermutationPValueClustered(double[][] a, double[][] b) {
        return asymptotic(Sample.ofClusters(a), Sample.ofClusters(b));
    }

    private static double asymptotic(Sample a, Sample b) {
        if (a.sentences == 0 || b.sentences == 0) {
            return Double.NaN;
        }
        Sample all = Sample.concat(a, b);
        int k = all.size();
        double mu = all.total / all.sentences;
        double ss = 0;
        for (int i = 0; i < k; i++) {
            double e = all.sums[i] - mu * all.sizes[i];
            ss += e * e;
        }
        double observed = all.splitDifference(a.total, a.sentences);
        double expectedA = (double) a.size() * all.sentences / k;
        double expectedB = (double) b.size() * all.sentences / k;
        double sd = (1 / expectedA + 1 / expectedB)
                * Math.sqrt((double) a.size() * b.size() / ((double) k * (k - 1)) * ss);
        if (!(sd > 0) || Math.abs(observed) <= TIE_TOLERANCE) {
            return 1.0;
        }
        return Math.min(1.0, 2 * normalCdf(-Math.abs(observed) / sd));
    }

    // ---------------------------------------------------------------------------------------------
    // Multiple testing

    /**
     * Benjamini–Hochberg (1995) adjusted p-values ("q-values"), in the input order. With the
     * {@code m} non-NaN p-values sorted ascending as {@code p(1) <= ... <= p(m)},
     * {@code q(i) = min over j >= i of min(1, m p(j) / j)}; rejecting every hypothesis with
     * {@code q <= alpha} is the step-up procedure at false discovery rate {@code alpha}.
     *
     * @param p p-values in [0, 1] or NaN; NaN entries stay NaN and do not count towards {@code m}
     * @return a new array of q-values in [0, 1] (or NaN), {@code q[i] >= p[i]}
     * @throws IllegalArgumentException for a p-value outside [0, 1]
     */
    public static double[] benjaminiHochberg(double[] p) {
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        int m = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                if (v < 0 || v > 1) {
                    throw new IllegalArgumentException("p-value outside [0, 1]: " + v);
                }
                m++;
            }
        }
        Integer[] order = new Integer[m];
        for (int i = 0, r = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[r++] = i;
            }
        }
        Arrays.sort(order, (i, j) -> Double.compare(p[i], p[j]));
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, m * p[i] / rank);
            q[i] = running;
        }
        return q;
    }

    // ---------------------------------------------------------------------------------------------
    // Effect sizes

    /**
     * Cohen's d, {@code (mean(a) - mean(b)) / s} with the pooled standard deviation
     * {@code s = sqrt(((n_a - 1) var(a) + (n_b - 1) var(b)) / (n_a + n_b - 2))}: the mean difference
     * in standard deviations, unbounded, positive when {@code a} is larger.
     *
     * @return d; NaN if either sample has fewer than 2 values or {@code s = 0}
     */
    public static double cohensD(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        double pooledVariance = ((a.length - 1) * sampleVariance(a) + (b.length - 1) * sampleVariance(b))
                / (a.length + b.length - 2);
        if (!(pooledVariance > 0)) {
            return Double.NaN;
        }
        return (mean(a) - mean(b)) / Math.sqrt(pooledVariance);
    }

    /**
     * Cliff's delta, {@code (#(a_i > b_j) - #(a_i < b_j)) / (n_a n_b)} over all pairs: the
     * probability that a value of {@code a} exceeds one of {@code b} minus the reverse, in
     * [-1, 1], ties counting for neither. Sorts copies of both NaN-free samples, then
     * {@link #cliffsDeltaOfSorted}: {@code O(n_a log n_a + n_b log n_b)} time.
     *
     * @return delta; NaN if either sample is empty
     */
    public static double cliffsDelta(double[] a, double[] b) {
        double[] sortedA = a.clone();
        double[] sortedB = b.clone();
        Arrays.sort(sortedA);
        Arrays.sort(sortedB);
        return cliffsDeltaOfSorted(sortedA, sortedB);
    }

    /**
     * {@link #cliffsDelta} of two NaN-free samples each sorted ascending, in one merge pass:
     * {@code O(n_a + n_b)}. For callers that compare one sample with many others and sort it once.
     */
    public static double cliffsDeltaOfSorted(double[] sortedA, double[] sortedB) {
        if (sortedA.length == 0 || sortedB.length == 0) {
            return Double.NaN;
        }
        long greater = 0;
        long less = 0;
        int below = 0; // values of b below v
        int notAbove = 0; // values of b at or below v
        for (double v : sortedA) {
            while (below < sortedB.length && sortedB[below] < v) {
                below++;
            }
            while (notAbove < sortedB.length && sortedB[notAbove] <= v) {
                notAbove++;
            }
            greater += below;
            less += sortedB.length - notAbove;
        }
        return (double) (greater - less) / ((double) sortedA.length * sortedB.length);
    }

    // ---------------------------------------------------------------------------------------------
    // Fightin' Words

    /**
     * Log-odds ratio of a word between corpora I and J with an informative Dirichlet prior
     * (Monroe, Colaresi &amp; Quinn 2008, "Fightin' Words", eq. 16–22):
     * <pre>
     *   delta    = ln((yI + aW) / (nI + a0 - yI - aW)) - ln((yJ + aW) / (nJ + a0 - yJ - aW))
     *   variance = 1 / (yI + aW) + 1 / (yJ + aW)
     *   z        = delta / sqrt(variance)
     * </pre>
     * delta is in natural-log odds and positive when the word is more typical of I; z is
     * approximately standard normal under no difference (see {@link #normalCdf}).
     *
     * @param yI count of the word in corpus I, {@code 0 <= yI <= nI}
     * @param nI total word count (tokens) of corpus I
     * @param yJ count of the word in corpus J, {@code 0 <= yJ <= nJ}
     * @param nJ total word count of corpus J
     * @param alphaW the word's prior pseudo-count, > 0, usually {@link #priorAlpha}
     * @param alpha0 the prior's total pseudo-count over the vocabulary (the same value passed to
     *     {@link #priorAlpha})
     * @return {@code {delta, variance, z}}
     * @throws IllegalArgumentException if a count is negative or NaN, a word count exceeds its
     *     corpus, {@code alphaW <= 0}, or {@code n + alpha0 - y - alphaW <= 0} for either corpus
     */
    public static double[] logOddsDirichlet(
            double yI, double nI, double yJ, double nJ, double alphaW, double alpha0) {
        if (!(yI >= 0 && yI <= nI && yJ >= 0 && yJ <= nJ)) {
            throw new IllegalArgumentException(
                    "need 0 <= y <= n for both corpora: yI=" + yI + " nI=" + nI + " yJ=" + yJ + " nJ=" + nJ);
        }
        if (!(alphaW > 0)) {
            throw new IllegalArgumentException("alphaW must be positive: " + alphaW);
        }
        double wordI = yI + alphaW;
        double wordJ = yJ + alphaW;
        double restI = nI + alpha0 - wordI;
        double restJ = nJ + alpha0 - wordJ;
        if (!(restI > 0 && restJ > 0)) {
            throw new IllegalArgumentException("alpha0 too small for alphaW=" + alphaW + ": " + alpha0);
        }
        double delta = Math.log(wordI / restI) - Math.log(wordJ / restJ);
        double variance = 1 / wordI + 1 / wordJ;
        return new double[] {delta, variance, delta / Math.sqrt(variance)};
    }

    /**
     * Informative Dirichlet prior for one word, {@code alpha0 * countAll / totalAll}: the word's
     * share of the pooled corpus (I and J together, or a larger background corpus) scaled to the
     * prior's total pseudo-count {@code alpha0}. {@code alpha0} sets how strongly the prior shrinks
     * rare words; callers typically use the pooled corpus size (the prior then weighs as much as
     * the data) or a configured scale. The result is 0 for a word absent from the pooled corpus,
     * which {@link #logOddsDirichlet} rejects, so only score words the pooled corpus contains.
     *
     * @param countAll count of the word in the pooled corpus, >= 0
     * @param totalAll total word count of the pooled corpus, > 0
     * @param alpha0 the prior's total pseudo-count, > 0
     */
    public static double priorAlpha(double countAll, double totalAll, double alpha0) {
        if (!(countAll >= 0 && totalAll > 0 && alpha0 > 0)) {
            throw new IllegalArgumentException("need countAll >= 0, totalAll > 0, alpha0 > 0: "
                    + countAll + ", " + totalAll + ", " + alpha0);
        }
        return alpha0 * countAll / totalAll;
    }

    // ---------------------------------------------------------------------------------------------
    // Normal distribution

    /**
     * Standard normal distribution function Φ(z), with absolute error below 1e-15 and, for
     * {@code z < -3}, relative error below 1e-13, so an upper tail is best taken as
     * {@code normalCdf(-z)} and a two-sided p-value as {@code 2 * normalCdf(-Math.abs(z))}.
     * For {@code |z| <= 3} it sums Marsaglia's (2004) series
     * {@code Φ(z) = 1/2 + φ(z) (z + z^3/3 + z^5/(3·5) + ...)}; beyond, it evaluates Laplace's
     * continued fraction for the tail, {@code 1 - Φ(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + ...))))}.
     *
     * @return Φ(z) in [0, 1]; 0 for -∞, 1 for +∞, NaN for NaN
     */
    public static double normalCdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z < -TAIL_SWITCH) {
            return upperTail(-z);
        }
        if (z > TAIL_SWITCH) {
            return 1 - upperTail(z);
        }
        double z2 = z * z;
        double term = z;
        double sum = z;
        for (int k = 3; ; k += 2) {
            term *= z2 / k;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + sum * density(z);
    }

    /** {@code 1 - Φ(x)} for {@code x > TAIL_SWITCH}, by the modified Lentz algorithm. */
    private static double upperTail(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            d = 1 / (x + k * d);
            c = x + k / c;
            double step = c * d;
            f *= step;
            if (Math.abs(step - 1) < 1e-16) {
                break;
            }
        }
        return density(x) / f;
    }

    private static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    // ---------------------------------------------------------------------------------------------

    private static void requireReps(int reps) {
        if (reps < 1) {
            throw new IllegalArgumentException("reps must be at least 1: " + reps);
        }
    }

    /**
     * Resampling units (articles, or single values) reduced to what every statistic here needs:
     * each unit's value sum and sentence count, and the totals.
     */
    private static final class Sample {
        final double[] sums;
        final int[] sizes;
        final double total;
        final long sentences;

        private Sample(double[] sums, int[] sizes) {
            this.sums = sums;
            this.sizes = sizes;
            double t = 0;
            long n = 0;
            for (int i = 0; i < sums.length; i++) {
                t += sums[i];
                n += sizes[i];
            }
            this.total = t;
            this.sentences = n;
        }

        static Sample ofValues(double[] x) {
            int[] ones = new int[x.length];
            Arrays.fill(ones, 1);
            return new Sample(x, ones);
        }

        static Sample ofClusters(double[][] clusters) {
            double[] sums = new double[clusters.length];
            int[] sizes = new int[clusters.length];
            for (int i = 0; i < clusters.length; i++) {
                for (double v : clusters[i]) {
                    sums[i] += v;
                }
                sizes[i] = clusters[i].length;
            }
            return new Sample(sums, sizes);
        }

        static Sample concat(Sample a, Sample b) {
            double[] sums = Arrays.copyOf(a.sums, a.size() + b.size());
            int[] sizes = Arrays.copyOf(a.sizes, sums.length);
            System.arraycopy(b.sums, 0, sums, a.size(), b.size());
            System.arraycopy(b.sizes, 0, sizes, a.size(), b.size());
            return new Sample(sums, sizes);
        }

        int size() {
            return sums.length;
        }

        /** Pooled mean of {@code size()} units drawn with replacement; NaN if they hold no sentence. */
        double resampledMean(SplittableRandom rng) {
            int k = sums.length;
            double sum = 0;
            long n = 0;
            for (int i = 0; i < k; i++) {
                int c = rng.nextInt(k);
                sum += sums[c];
                n += sizes[c];
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        /**
         * Mean of one group minus mean of the rest, given the group's value sum and sentence count;
         * NaN if either side has no sentence.
         */
        double splitDifference(double groupSum, long groupSentences) {
            long rest = sentences - groupSentences;
            if (groupSentences == 0 || rest == 0) {
                return Double.NaN;
            }
            return groupSum / groupSentences - (total - groupSum) / rest;
        }
    }
}
