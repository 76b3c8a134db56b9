package com.customerlifecycle.taskqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the authorization join of Camunda 7.24's task query into three set look-ups, on the SQL MyBatis generated,
 * without copying the engine's mapping.
 *
 * <p>Without revoke checks, {@code Task.xml} ({@code selectTaskByQueryCriteriaSql}) joins the grants that may apply to
 * the user ({@code Authorization.xml}, {@code authCheckJoinWithoutOnClauseWithBinding}) with
 * <pre>
 *   inner|left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE &lt;user, groups, resource types, permissions&gt; )
 *     AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
 * </pre>
 * and then keeps a task when {@code (AUTH.RESOURCE_ID_ IS NOT NULL)} ({@code contextualAuthorizationCheck}, where it is
 * or-ed with {@code RES.CASE_EXECUTION_ID_ IS NOT NULL} when CMMN is on). The statements always select and count
 * {@code distinct}, so a task matched by several grants is listed once. Here the join goes away and the check becomes
 * <pre>
 *   (RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE (&lt;the same conditions&gt;))
 *    OR D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE (&lt;the same conditions&gt;))
 *    OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE (&lt;the same conditions&gt;) AND A.RESOURCE_ID_ = '*'))
 * </pre>
 * — a grant with one of the same three resource ids, asked as "is the task's id, its definition's key, or {@code *}
 * among the resource ids the user's grants name". The sub-queries do not depend on the task, so the database reads
 * the user's grants once per statement (PostgreSQL hashes them: a hash probe per task instead of an index probe per
 * task; B3 in BENCHMARKS.md) — the first version, a correlated {@code EXISTS} per task, probed the authorization index
 * for every task of a queue. The only SQL written here is that frame, which repeats the join's {@code ON} clause; the
 * conditions inside are the engine's own text, repeated three times. Their bind parameters move with them.
 *
 * <p>When the SQL does not have exactly this shape (authorization off, revoke checks on, another database's syntax, a
 * future Camunda version), {@link #rewrite} returns {@code null} and the engine's statement runs unchanged.
 */
final class AuthorizationJoinRewrite {

    private static final Pattern JOIN = Pattern.compile(
            "(?i)\\b(?:inner|left)\\s+join\\s*(\\()\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+WHERE\\b");
    private static final Pattern ON = Pattern.compile(
            "(?i)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)");
    private static final Pattern CHECK = Pattern.compile("(?i)\\(\\s*AUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL\\s*\\)");
    private static final Pattern ANY_AUTH_REFERENCE = Pattern.compile("(?i)\\bAUTH\\d*\\.");

    private AuthorizationJoinRewrite() {
    }

    /** The rewritten SQL and, for each of its bind parameters in order, the index of that parameter in the original. */
    record Rewritten(String sql, int[] parameterOrder) {
    }

    /** The rewritten statement, or {@code null} when {@code sql} is not the task query's authorization join. */
    static Rewritten rewrite(String sql) {
        Matcher join = JOIN.matcher(sql);
        if (!join.find()) {
            return null;
        }
        int joinStart = join.start();
        int open = join.start(1);
        String table = join.group(2);
        int conditionsStart = join.end();
        int close = closingParenthesis(sql, open);
        if (close < 0 || join.find()) {
            return null;
        }
        Matcher on = ON.matcher(sql).region(close + 1, sql.length());
        if (!on.lookingAt()) {
            return null;
        }
        int joinEnd = on.end();
        Matcher check = CHECK.matcher(sql).region(joinEnd, sql.length());
        if (!check.find()) {
            return null;
        }
        int checkStart = check.start();
        int checkEnd = check.end();
        if (check.find()) {
            return null;
        }
        String before = sql.substring(0, joinStart);
        String conditions = sql.substring(conditionsStart, close);
        String between = sql.substring(joinEnd, checkStart);
        String after = sql.substring(checkEnd);
        if (ANY_AUTH_REFERENCE.matcher(before).find() || ANY_AUTH_REFERENCE.matcher(between).find()
                || ANY_AUTH_REFERENCE.matcher(after).find()) {
            return null;
        }
        String grantedIds = "(SELECT A.RESOURCE_ID_ FROM " + table + " A WHERE (" + conditions + "))";
        String lookUps = "(RES.ID_ IN " + grantedIds + " OR D.KEY_ IN " + grantedIds
                + " OR EXISTS (SELECT 1 FROM " + table + " A WHERE (" + conditions + ") AND A.RESOURCE_ID_ = '*'))";
        String rewritten = before + " " + between + lookUps + after;

        int beforeCount = placeholders(before);
        int conditionCount = placeholders(conditions);
        int betweenCount = placeholders(between);
        int afterCount = placeholders(after);
        if (placeholders(sql) != beforeCount + conditionCount + betweenCount + afterCount) {
            return null;
        }
        List<Integer> order = new ArrayList<>();
        range(order, 0, beforeCount);
        range(order, beforeCount + conditionCount, betweenCount);
        for (int lookUp = 0; lookUp < 3; lookUp++) {
            range(order, beforeCount, conditionCount);
        }
        range(order, beforeCount + conditionCount + betweenCount, afterCount);
        return new Rewritten(rewritten, order.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void range(List<Integer> order, int from, int count) {
        for (int i = from; i < from + count; i++) {
            order.add(i);
        }
    }

    /** The parenthesis closing the one at {@code open}, outside string literals; -1 if there is none. */
    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        boolean literal = false;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                literal = !literal;
            } else if (!literal && c == '(') {
                depth++;
            } else if (!literal && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** JDBC placeholders ({@code ?}) outside string literals. */
    static int placeholders(String sql) {
        int count = 0;
        boolean literal = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                literal = !literal;
            } else if (!literal && c == '?') {
                count++;
            }
        }
        return count;
    }
}
