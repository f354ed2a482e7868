using Microsoft.Extensions.Options;
using Sightline.Core.Retention;
using Sightline.Server.Hosting;

namespace Sightline.Server.Retention;

/// <summary>Stops the start on a retention rule that cannot be read, naming the setting (<c>Sightline:Retention:Rules:0:MaxAge</c>).</summary>
public sealed class RetentionValidation : IValidateOptions<SightlineOptions>
{
    private const string Prefix = $"{SightlineOptions.Section}:Retention";

    public ValidateOptionsResult Validate(string? name, SightlineOptions options)
    {
        var failures = Problems(options.Retention).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Each setting at fault and why; none when the rules can be applied.</summary>
    public static IEnumerable<string> Problems(RetentionOptions retention)
    {
        if (Ages.Parse(retention.Interval) is null)
        {
            yield return $"{Prefix}:Interval: \"{retention.Interval}\" is not an interval: {Ages.Format}";
        }

        for (var i = 0; i < retention.Rules.Length; i++)
        {
            var rule = retention.Rules[i];
            if (rule.MaxAge is null)
            {
                yield return $"{Prefix}:Rules:{i}:MaxAge is required: how long the rule's events are kept (365d, 36h)";
            }
            else if (RetentionRule.Parse(rule.Source, rule.Types, rule.Event, rule.MaxAge) is { Rule: null } bad)
            {
                yield return $"{Prefix}:Rules:{i}:{bad.Field}: {bad.Reason}";
            }
        }
    }
}
