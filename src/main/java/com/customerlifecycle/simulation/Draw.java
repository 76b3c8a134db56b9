package com.customerlifecycle.simulation;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded source of chance. Each thing that happens by chance draws from its own source, named after it (a
 * company's third "Contact trial user", the arrivals of a day): the same seed draws the same journeys, and when two
 * folders of diagrams are compared, a journey the change does not touch draws exactly as in the other run, so the
 * differences in the report come from the change and not from reshuffled luck (common random numbers).
 */
final class Draw {

    private final Random random;

    private Draw(long seed) {
        this.random = new Random(seed);
    }

    static Draw of(long seed, String name) {
        return new Draw(seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L));
    }

    /** True with probability {@code p} (never for 0, always for 1). */
    boolean chance(double p) {
        return p >= 1 || (p > 0 && random.nextDouble() < p);
    }

    /** A whole number from {@code from} to {@code to}, both included. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    double between(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** One of the keys, each as likely as its share (shares add up to 1). */
    <K> K pick(Map<K, Double> shares) {
        double point = random.nextDouble();
        K last = null;
        for (Map.Entry<K, Double> share : shares.entrySet()) {
            if (share.getValue() <= 0) {
                continue;
            }
            last = share.getKey();
            point -= share.getValue();
            if (point < 0) {
                return last;
            }
        }
        return last;
    }

    <T> T oneOf(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A fraction of a day, for the time something happens. */
    double fraction() {
        return random.nextDouble();
    }
}
