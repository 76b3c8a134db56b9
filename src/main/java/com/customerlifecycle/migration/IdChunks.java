package com.customerlifecycle.migration;

import java.util.ArrayList;
import java.util.List;

/** Process instance ids in slices a query's {@code IN (...)} list takes on every database (a migration may send 10,000s). */
final class IdChunks {

    private static final int IDS_PER_QUERY = 1000;

    private IdChunks() {
    }

    static List<List<String>> of(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            chunks.add(ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size())));
        }
        return chunks;
    }
}
