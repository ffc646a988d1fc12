using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class BadInputTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    public static TheoryData<string, string> InvalidPlans => new()
    {
        { """{"title":"x","startDate":"2027-04-07","endDate":"2027-04-01"}""", "endDate" },
        { """{"title":"x","budget":{"total":100,"currency":"XYZ"}}""", "budget.currency" },
        { """{"title":"x","budget":{"total":-1,"currency":"EUR"}}""", "budget.total" },
        { $$"""{"title":"{{new string('a', 10_000)}}"}""", "title" },
        { """{"title":"<script>alert(1)</script>"}""", "title" },
        { """{"title":""}""", "title" },
        { """{"title":"x","travelerCount":0}""", "travelerCount" },
        { """{"title":"x","itinerary":{"days":[{"date":"2027-04-01","items":[{"title":"","category":"activity","location":{"lat":91,"lon":0}}]}]}}""", "itinerary.days[0].items[0].title" },
    };

    [Theory]
    [MemberData(nameof(InvalidPlans))]
    public async Task InvalidPlanIs400WithAFieldErrorAndStoresNothing(string body, string field)
    {
        var user = await app.CreateUserAsync();

        var response = await Post(user, "/api/plans", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}, got {errors}");
        Assert.Empty((await user.Client.GetFromJsonAsync<JsonElement>("/api/plans")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("not json")]
    [InlineData("{\"title\":\"x\",\"travelerCount\":\"two\"}")]
    [InlineData("{\"title\":\"x\",\"startDate\":\"next tuesday\"}")]
    [InlineData("{\"title\":\"x\",\"status\":\"imaginary\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"title\":\"x\",\"destinations\":[null],\"itinerary\":{\"days\":[null]}}")]
    public async Task MalformedJsonOrWrongTypesAre400Problems(string body)
    {
        var user = await app.CreateUserAsync();

        var response = await Post(user, "/api/plans", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OversizeBodyIs413Problem()
    {
        var user = await app.CreateUserAsync();
        var body = $$"""{"title":"x","description":"{{new string('a', 100_000)}}"}""";

        var response = await Post(user, "/api/plans", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SqlInStringsIsStoredAsPlainText()
    {
        var user = await app.CreateUserAsync();
        const string Sql = "Robert'); DROP TABLE grain_state; --";

        var response = await Post(user, "/api/plans", JsonSerializer.Serialize(new { title = "Bobby's trip", description = Sql }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var plan = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}");
        Assert.Equal(Sql, plan.GetProperty("description").GetString());
    }

    [Fact]
    public async Task MalformedIfMatchIs400()
    {
        var user = await app.CreateUserAsync();
        var id = (await Plans.CreateAsync(user)).GetProperty("id").GetString();

        var response = await PlansApiTests.Patch(user, id!, new { title = "y" }, "garbage");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NulCharactersAreRefusedNotPassedToPostgres()
    {
        var user = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user)).GetProperty("id").GetString();
        var sessionId = (await (await user.Client.PostAsync($"/api/plans/{planId}/sessions", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var message = await Post(user, $"/api/sessions/{sessionId}/messages", "{\"content\":\"a\\u0000b\"}");
        var title = await PlansApiTests.Patch(user, planId!, new { title = "a\0b" }, null);
        var login = await app.CreateClient().PostAsync("/api/auth/login", new StringContent("{\"email\":\"a\\u0000@example.com\",\"password\":\"xxxxxxxx\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, message.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, title.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    private static Task<HttpResponseMessage> Post(TestUser user, string path, string body) =>
        user.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
}
