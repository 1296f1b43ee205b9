namespace IssueHygiene.Testing;

/// <summary>
/// The one way a test waits (one file, compiled into every test project that waits): poll a condition until it holds or a deadline passes. A test never
/// sleeps a fixed time to "prove nothing happened"; it waits for the event that shows the system moved on (another
/// poll, an empty queue) and then checks that nothing else changed.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>True as soon as <paramref name="condition"/> holds; false when <paramref name="timeout"/> passed first.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? pollInterval = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            // Polling, not proving: the loop ends as soon as the condition holds.
            await Task.Delay(pollInterval ?? DefaultPollInterval);
        }

        return await condition();
    }

    /// <inheritdoc cref="HoldsAsync(Func{Task{bool}}, TimeSpan, TimeSpan?)"/>
    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan timeout, TimeSpan? pollInterval = null) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, pollInterval);

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> when the deadline passes first.</summary>
    public static async Task AssertAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? pollInterval = null) =>
        Assert.True(await HoldsAsync(condition, timeout, pollInterval), $"timed out after {timeout} waiting until {what}");

    /// <inheritdoc cref="AssertAsync(Func{Task{bool}}, TimeSpan, string, TimeSpan?)"/>
    public static Task AssertAsync(Func<bool> condition, TimeSpan timeout, string what, TimeSpan? pollInterval = null) =>
        AssertAsync(() => Task.FromResult(condition()), timeout, what, pollInterval);
}
