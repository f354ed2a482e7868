using System.Text;
using System.Text.Json;
using Sightline.Core.Events;

namespace Sightline.Core.Tests.Events;

public sealed class MessageParserTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly MessageParser _parser = new(new IngestionLimits());

    private ParsedRequest Parse(string json, MessageType? type) => _parser.Parse(Encoding.UTF8.GetBytes(json), type, ReceivedAt);

    private static JsonElement Stored(EventMessage message) => JsonDocument.Parse(message.Json).RootElement;

    [Fact]
    public void Times_written_into_a_message_read_as_the_formatted_ones()
    {
        DateTimeOffset[] times =
        [
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(2024, 5, 1, 23, 59, 59, 999, TimeSpan.FromHours(-7)),
            new DateTimeOffset(2026, 11, 29, 3, 4, 5, TimeSpan.FromHours(5.5)).AddTicks(4_567), ReceivedAt,
        ];
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var time in times)
            {
                writer.WriteStartObject();
                Timestamps.Write(writer, "at"u8, time);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        JsonDocument.Parse(buffer.WrittenMemory).RootElement.EnumerateArray().Select(e => e.GetProperty("at").GetString())
            .ShouldBe(times.Select(Timestamps.Format));
        Timestamps.Format(times[2]).ShouldBe("2024-05-02T06:59:59.999Z");
    }

    [Fact]
    public void Messages_of_one_batch_are_each_written_whole()
    {
        var result = Parse(
            """{"batch":[{"type":"track","userId":"u1","event":"a","messageId":"m1"},{"type":"identify","anonymousId":"a2","traits":{"name":"Ana"},"messageId":"m2"},{"type":"page","userId":"u3","messageId":"m3"}]}""",
            null);

        result.Accepted.Select(m => (Stored(m).GetProperty("messageId").GetString(), Stored(m).GetProperty("type").GetString(), Stored(m).GetProperty("receivedAt").GetString()))
            .ShouldBe([("m1", "track", "2024-05-01T12:00:00.000Z"), ("m2", "identify", "2024-05-01T12:00:00.000Z"), ("m3", "page", "2024-05-01T12:00:00.000Z")]);
    }

    [Fact]
    public void Track_with_user_id_is_accepted_and_stamped()
    {
        var result = Parse("""{"userId":"u1","event":"Order Completed","messageId":"m1","properties":{"total":12.5}}""", MessageType.Track);

        result.Rejected.ShouldBeEmpty();
        var message = result.Accepted.ShouldHaveSingleItem();
        message.MessageId.ShouldBe("m1");
        message.UserId.ShouldBe("u1");
        message.Timestamp.ShouldBe(ReceivedAt);
        var stored = Stored(message);
        stored.GetProperty("type").GetString().ShouldBe("track");
        stored.GetProperty("receivedAt").GetString().ShouldBe("2024-05-01T12:00:00.000Z");
        stored.GetProperty("properties").GetProperty("total").GetDouble().ShouldBe(12.5);
    }

    [Fact]
    public void Clock_skew_is_corrected_from_sent_at()
    {
        // The device clock is an hour behind: it says it sent at 11:00:05 what happened at 11:00:00.
        var result = Parse("""{"anonymousId":"a","event":"x","originalTimestamp":"2024-05-01T11:00:00Z","sentAt":"2024-05-01T11:00:05Z"}""", MessageType.Track);

        var message = result.Accepted.ShouldHaveSingleItem();
        message.Timestamp.ShouldBe(ReceivedAt.AddSeconds(-5));
        var stored = Stored(message);
        stored.GetProperty("originalTimestamp").GetString().ShouldBe("2024-05-01T11:00:00.000Z");
        stored.GetProperty("timestamp").GetString().ShouldBe("2024-05-01T11:59:55.000Z");
    }

    [Fact]
    public void Caller_set_timestamp_wins_over_the_sdk_call_time_and_is_skew_corrected()
    {
        // RudderStack's SDK: the caller's historical timestamp, plus originalTimestamp and sentAt of the call.
        var result = Parse("""{"userId":"u","event":"x","timestamp":"2020-01-01T00:00:00Z","originalTimestamp":"2024-05-01T11:00:00Z","sentAt":"2024-05-01T11:00:02Z"}""", MessageType.Track);

        var message = result.Accepted.ShouldHaveSingleItem();
        message.Timestamp.ShouldBe(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) + (ReceivedAt - new DateTimeOffset(2024, 5, 1, 11, 0, 2, TimeSpan.Zero)));
        Stored(message).GetProperty("originalTimestamp").GetString().ShouldBe("2024-05-01T11:00:00.000Z");
    }

    [Fact]
    public void Timestamp_without_sent_at_is_kept_as_sent()
    {
        var result = Parse("""{"userId":"u","event":"x","timestamp":"2019-03-04T05:06:07.123+02:00"}""", MessageType.Track);

        result.Accepted.ShouldHaveSingleItem().Timestamp.ShouldBe(new DateTimeOffset(2019, 3, 4, 3, 6, 7, 123, TimeSpan.Zero));
    }

    [Fact]
    public void Time_without_offset_is_read_as_utc()
    {
        var result = Parse("""{"userId":"u","event":"x","timestamp":"2019-03-04T05:06:07"}""", MessageType.Track);

        result.Accepted.ShouldHaveSingleItem().Timestamp.ShouldBe(new DateTimeOffset(2019, 3, 4, 5, 6, 7, TimeSpan.Zero));
    }

    [Fact]
    public void Batch_context_and_integrations_merge_into_each_message_and_the_message_wins()
    {
        var result = Parse("""
            {"batch":[
                {"type":"identify","userId":"u1","context":{"app":{"version":"2"},"locale":"es-ES"}},
                {"type":"page","anonymousId":"a1","integrations":{"All":false}}
             ],
             "context":{"app":{"name":"shop","version":"1"},"ip":"10.0.0.1"},
             "integrations":{"All":true},
             "sentAt":"2024-05-01T12:00:00Z"}
            """, null);

        result.Rejected.ShouldBeEmpty();
        result.Accepted.Count.ShouldBe(2);
        var first = Stored(result.Accepted[0]).GetProperty("context");
        first.GetProperty("app").GetProperty("name").GetString().ShouldBe("shop");
        first.GetProperty("app").GetProperty("version").GetString().ShouldBe("2");
        first.GetProperty("ip").GetString().ShouldBe("10.0.0.1");
        first.GetProperty("locale").GetString().ShouldBe("es-ES");
        Stored(result.Accepted[0]).GetProperty("integrations").GetProperty("All").GetBoolean().ShouldBeTrue();
        Stored(result.Accepted[1]).GetProperty("integrations").GetProperty("All").GetBoolean().ShouldBeFalse();
        Stored(result.Accepted[1]).GetProperty("context").GetProperty("ip").GetString().ShouldBe("10.0.0.1");
    }

    [Fact]
    public void Batch_keeps_valid_messages_and_reports_each_rejected_one_with_index_and_field()
    {
        var result = Parse("""
            {"batch":[
                {"type":"track","userId":"u","event":"ok","messageId":"good"},
                {"type":"track","userId":"u","messageId":"no-event"},
                {"type":"identify","messageId":"nobody"},
                {"type":"shout","userId":"u"},
                {"type":"alias","userId":"u","messageId":"alias"}
            ]}
            """, null);

        result.Accepted.ShouldHaveSingleItem().MessageId.ShouldBe("good");
        result.Rejected.Select(r => (r.Index, r.MessageId, r.Field)).ShouldBe(
        [
            (1, "no-event", "event"),
            (2, "nobody", "userId"),
            (3, null, "type"),
            (4, "alias", "previousId"),
        ]);
        Encoding.UTF8.GetString(result.Rejected[0].RawPayload).ShouldContain("no-event");
    }

    [Theory]
    [InlineData("""{"userId":"u","event":"x","timestamp":"yesterday"}""", "timestamp")]
    [InlineData("""{"userId":"u","event":"x","originalTimestamp":12}""", "originalTimestamp")]
    [InlineData("""{"userId":"u","event":"x","sentAt":"2024-13-45T00:00:00Z"}""", "sentAt")]
    [InlineData("""{"userId":{"id":1},"event":"x"}""", "userId")]
    [InlineData("""{"userId":"u","event":"x","properties":[1,2]}""", "properties")]
    [InlineData("""{"userId":"u","event":42}""", "event")]
    [InlineData("""{"userId":"u","event":"x","context":"web"}""", "context")]
    [InlineData("""{"userId":"u","event":"x","messageId":""}""", "messageId")]
    [InlineData("""{"userId":"","anonymousId":"  ","event":"x"}""", "userId")]
    public void Bad_fields_are_named(string json, string field)
    {
        var result = Parse(json, MessageType.Track);

        result.Accepted.ShouldBeEmpty();
        var rejection = result.Rejected.ShouldHaveSingleItem();
        rejection.Field.ShouldBe(field);
        rejection.Index.ShouldBe(0);
        rejection.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData(MessageType.Group, """{"userId":"u"}""", "groupId")]
    [InlineData(MessageType.Alias, """{"previousId":"a"}""", "userId")]
    [InlineData(MessageType.Page, """{"userId":"u","name":5}""", "name")]
    [InlineData(MessageType.Identify, """{"traits":{"email":"a@b.c"}}""", "userId")]
    public void Each_call_type_requires_its_fields(MessageType type, string json, string field) =>
        Parse(json, type).Rejected.ShouldHaveSingleItem().Field.ShouldBe(field);

    [Fact]
    public void Numeric_user_id_is_accepted_as_its_text()
    {
        Parse("""{"userId":12345,"traits":{}}""", MessageType.Identify).Accepted.ShouldHaveSingleItem().UserId.ShouldBe("12345");
    }

    [Fact]
    public void Message_over_32_kb_is_rejected_with_its_size()
    {
        var big = new string('x', 33 * 1024);
        var rejection = Parse($$$"""{"batch":[{"type":"track","userId":"u","event":"x","properties":{"blob":"{{{big}}}"}}]}""", null).Rejected.ShouldHaveSingleItem();

        rejection.Field.ShouldBe("message");
        rejection.Reason.ShouldContain("32768");
    }

    [Fact]
    public void Request_over_the_limit_is_rejected_whole()
    {
        var parser = new MessageParser(new IngestionLimits { MaxRequestBytes = 1024 });
        var result = parser.Parse(new byte[2048], null, ReceivedAt);

        result.RequestRejected.ShouldBeTrue();
        result.Rejected.ShouldHaveSingleItem().Field.ShouldBe("body");
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("")]
    [InlineData("{\"batch\":{}}")]
    [InlineData("{\"batch\":[], \"context\":[]}")]
    public void Unreadable_requests_are_rejected_whole(string body)
    {
        var result = Parse(body, body.Contains("batch", StringComparison.Ordinal) ? null : MessageType.Track);

        result.RequestRejected.ShouldBeTrue();
        result.Accepted.ShouldBeEmpty();
        result.Rejected.ShouldHaveSingleItem().Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Deep_nesting_is_rejected_not_thrown()
    {
        var deep = new string('[', 500) + new string(']', 500);
        var result = Parse($$$"""{"userId":"u","event":"x","properties":{"a":{{{deep}}}}}""", MessageType.Track);

        result.RequestRejected.ShouldBeTrue();
        result.Rejected.ShouldHaveSingleItem().Reason.ShouldContain("depth");
    }

    [Fact]
    public void Invalid_utf8_is_rejected_not_thrown()
    {
        var body = Encoding.UTF8.GetBytes("""{"userId":"u","event":"x"}""").ToList();
        body.InsertRange(12, new byte[] { 0xC3, 0x28 });
        var result = _parser.Parse(body.ToArray(), MessageType.Track, ReceivedAt);

        result.RequestRejected.ShouldBeTrue();
    }

    [Fact]
    public void Lone_surrogate_escape_is_rejected_not_thrown()
    {
        var result = Parse("""{"batch":[{"type":"track","userId":"\ud800","event":"x"},{"type":"track","userId":"u","event":"x"}]}""", null);

        result.Accepted.Count.ShouldBe(1);
        result.Rejected.ShouldHaveSingleItem().Index.ShouldBe(0);
    }

    [Fact]
    public void Write_key_in_the_body_is_read_and_not_stored()
    {
        var result = Parse("""{"writeKey":"secret-key","userId":"u","event":"x"}""", MessageType.Track);

        result.WriteKey.ShouldBe("secret-key");
        Encoding.UTF8.GetString(result.Accepted.ShouldHaveSingleItem().Json).ShouldNotContain("secret-key");
    }

    [Fact]
    public void Missing_message_id_gets_a_generated_one()
    {
        var first = Parse("""{"userId":"u","event":"x"}""", MessageType.Track).Accepted.ShouldHaveSingleItem();
        var second = Parse("""{"userId":"u","event":"x"}""", MessageType.Track).Accepted.ShouldHaveSingleItem();

        first.MessageId.ShouldStartWith("sl-");
        first.MessageId.ShouldNotBe(second.MessageId);
    }

    [Fact]
    public void Route_type_overrides_a_type_in_the_body()
    {
        Parse("""{"type":"identify","userId":"u","event":"x"}""", MessageType.Track).Accepted.ShouldHaveSingleItem().Type.ShouldBe(MessageType.Track);
    }

    [Fact]
    public void Non_ascii_text_survives_unescaped()
    {
        var message = Parse("""{"userId":"u","traits":{"name":"José Núñez 山田"}}""", MessageType.Identify).Accepted.ShouldHaveSingleItem();

        Encoding.UTF8.GetString(message.Json).ShouldContain("José Núñez 山田");
    }

    // Found by the fuzzer (Fuzz/MessageParserFuzzTests): each threw before the fix, or stored what readers choke on.

    [Fact]
    public void Sent_at_so_far_from_the_event_that_the_correction_leaves_the_calendar_is_rejected_not_thrown()
    {
        var result = Parse("""{"userId":"u","event":"x","originalTimestamp":"2024-06-27T08:31:17Z","sentAt":"9999-12-31T23:59:59.999Z"}""", MessageType.Track);

        result.Accepted.ShouldBeEmpty();
        result.Rejected.ShouldHaveSingleItem().Field.ShouldBe("sentAt");
    }

    [Fact]
    public void Lone_surrogate_in_a_write_key_or_a_property_name_is_rejected_not_thrown()
    {
        Parse("""{"batch":[],"writeKey":"k\udc00"}""", null).Rejected.ShouldHaveSingleItem().Field.ShouldBe("writeKey");
        Parse("""{"batch":[],"\ud800":1}""", null).Rejected.ShouldHaveSingleItem().Field.ShouldBe("body");
    }

    [Fact]
    public void Lone_surrogate_anywhere_in_a_message_rejects_it_so_no_reader_of_the_log_meets_one()
    {
        var result = Parse("""{"batch":[{"type":"track","userId":"u","event":"x","properties":{"note":"a\udc00"}},{"type":"track","userId":"u","event":"x","context":{"ip":"\ud83d"}},{"type":"track","userId":"u","event":"ok","properties":{"smile":"\ud83d\ude00","path":"C:\\ud800"}}]}""", null);

        result.Rejected.Select(r => (r.Index, r.Field)).ShouldBe([(0, "message"), (1, "message")]);
        result.Accepted.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_batch_sent_at_of_lone_surrogates_is_rejected_not_thrown()
    {
        // Found by bench/Sightline.Fuzz (seed 1, input 8836), beyond the sample the tests run.
        var result = Parse("""{"batch":[],"sentAt":"\uDBFF\uDBFF"}""", null);

        result.Rejected.ShouldHaveSingleItem().Field.ShouldBe("sentAt");
    }

    [Fact]
    public void A_batch_context_with_a_lone_surrogate_is_rejected_whole()
    {
        var result = Parse("""{"batch":[{"type":"track","userId":"u","event":"x"}],"context":{"ip":"\udfff"}}""", null);

        result.RequestRejected.ShouldBeTrue();
        result.Rejected.ShouldHaveSingleItem().Field.ShouldBe("context");
    }

    [Fact]
    public void A_name_given_twice_in_one_object_is_rejected_as_other_readers_may_take_the_other_value()
    {
        var result = Parse("""{"userId":"u","event":"x","properties":{"consent":true,"consent":false}}""", MessageType.Track);

        result.RequestRejected.ShouldBeTrue();
        result.Rejected.ShouldHaveSingleItem().Reason.ShouldContain("consent");
    }

    [Fact]
    public void The_size_limit_holds_for_the_message_as_stored_not_only_as_sent()
    {
        // 7,000 emoji are 28 KB as sent and 84 KB once escaped; a 30 KB batch context copied into each message likewise.
        var emoji = string.Concat(Enumerable.Repeat("😀", 7_000));
        var context = new string('c', 30 * 1024);

        Parse($$$"""{"userId":"u","event":"x","properties":{"s":"{{{emoji}}}"}}""", MessageType.Track).Rejected.ShouldHaveSingleItem().Field.ShouldBe("message");
        Parse($$$"""{"batch":[{"type":"track","userId":"u","event":"x","properties":{"s":"{{{context}}}"}}],"context":{"pad":"{{{context}}}"}}""", null)
            .Rejected.ShouldHaveSingleItem().Reason.ShouldContain("as stored");
    }
}
