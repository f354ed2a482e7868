using System.Collections.Concurrent;

namespace Sightline.Core.Identity;

/// <summary>
/// Answers of a costly pure function for the keys asked lately. When it holds <c>capacity</c> answers it forgets them
/// all: cheaper than tracking use, and the keys that matter (those asked again soon) come back within a few calls.
/// Safe to use from several threads.
/// </summary>
internal sealed class RecentAnswers<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _answers = new();

    public TValue Get(TKey key, Func<TKey, TValue> answer)
    {
        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        if (_answers.Count >= capacity)
        {
            _answers.Clear();
        }

        return _answers[key] = answer(key);
    }
}
