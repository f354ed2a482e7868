namespace Sightline.Core.Storage;

/// <summary>The log's last sequence number (0 when empty), and when the oldest message not yet processed was received (null when none waits).</summary>
public sealed record LogHead(long LastSequence, DateTimeOffset? OldestWaiting);
