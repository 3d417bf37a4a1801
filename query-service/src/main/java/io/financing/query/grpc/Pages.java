package io.financing.query.grpc;

import io.financing.api.v1.PageRequest;
import io.financing.query.projection.ProjectedRow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Pages of a list ordered by creation: a page token is the position of the last row given, opaque to
 * clients, so pages stay stable however many rows are added meanwhile.
 */
final class Pages {

    static final int DEFAULT_SIZE = 1000;
    static final int MAX_SIZE = 1000;
    private static final String TOKEN_PREFIX = "after:";

    private Pages() {
    }

    record Page<R>(List<R> rows, String nextToken) {
    }

    /**
     * @param after reads up to {@code limit} rows created after a position, oldest first
     * @throws InvalidQueryException for a page size out of range or a token this service did not give
     */
    static <R extends ProjectedRow> Page<R> read(PageRequest request, BiFunction<Long, Integer, List<R>> after) {
        int size = size(request.getPageSize());
        List<R> rows = after.apply(position(request.getPageToken()), size + 1);
        if (rows.size() <= size) {
            return new Page<>(rows, "");
        }
        List<R> page = rows.subList(0, size);
        return new Page<>(page, token(page.get(size - 1).createdPosition()));
    }

    private static int size(int requested) {
        if (requested < 0 || requested > MAX_SIZE) {
            throw new InvalidQueryException("page_size must be from 0 (the default, " + DEFAULT_SIZE + ") to "
                    + MAX_SIZE + ", got " + requested);
        }
        return requested == 0 ? DEFAULT_SIZE : requested;
    }

    private static long position(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(TOKEN_PREFIX)) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(TOKEN_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("page_token is not one this service gave; start again with an empty one");
        }
    }

    private static String token(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }
}
