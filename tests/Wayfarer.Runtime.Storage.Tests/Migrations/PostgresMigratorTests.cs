using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests.Migrations;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PostgresMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AppliesEveryEmbeddedMigrationToAnEmptyDatabase()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        var migrator = Migrator(database);

        var applied = await migrator.MigrateAsync();

        Assert.Equal(migrator.Migrations.Select(migration => migration.Name), applied);
        Assert.Equal((long)applied.Count, await Db.ScalarAsync(database, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(migrator.Migrations[0].Checksum, await Db.ScalarAsync(database, "SELECT checksum FROM schema_migrations WHERE version = 1"));
        Assert.Equal(true, await Db.ScalarAsync(database, "SELECT to_regclass('grain_state') IS NOT NULL AND to_regclass('reminders') IS NOT NULL"));
        Assert.All(await migrator.GetStatusAsync(), status => Assert.Equal(MigrationState.Applied, status.State));
    }

    [Fact]
    public async Task SecondRunIsANoOp()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        await Migrator(database).MigrateAsync();
        var appliedAt = await Db.ScalarAsync(database, "SELECT max(applied_at) FROM schema_migrations");

        var applied = await Migrator(database).MigrateAsync();

        Assert.Empty(applied);
        Assert.Equal(appliedAt, await Db.ScalarAsync(database, "SELECT max(applied_at) FROM schema_migrations"));
    }

    [Fact]
    public async Task TwoConcurrentMigratorsBothSucceedAndApplyEachMigrationOnce()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        var migrations = new[]
        {
            Migration.Create("0001_first.sql", "CREATE TABLE first_table (id int PRIMARY KEY);"),
            Migration.Create("0002_counted.sql", "CREATE TABLE runs (id int); INSERT INTO runs VALUES (1);"),
            Migration.Create("0003_third.sql", "INSERT INTO runs VALUES (3);"),
        };
        var results = new IReadOnlyList<string>[2];

        var outcomes = await StartGate.RunTogetherAsync(2, async i => results[i] = await Migrator(database, migrations).MigrateAsync());

        Assert.All(outcomes, Assert.Null);
        Assert.Equal(migrations.Select(migration => migration.Name), results.SelectMany(result => result).Order(StringComparer.Ordinal));
        Assert.Equal(2L, await Db.ScalarAsync(database, "SELECT count(*) FROM runs"));
        Assert.Equal(3L, await Db.ScalarAsync(database, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task AnEditedChecksumInTheHistoryMakesItRefuseNamingTheFile()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        await Migrator(database).MigrateAsync();
        await Db.ExecuteAsync(database, "UPDATE schema_migrations SET checksum = $1 WHERE version = 1", new string('0', 64));

        var exception = await Assert.ThrowsAsync<MigrationException>(() => Migrator(database).MigrateAsync());

        Assert.Equal("0001_runtime.sql", exception.FileName);
        Assert.Contains("0001_runtime.sql", exception.Message, StringComparison.Ordinal);
        Assert.False(exception.IsTransient);
        var status = Assert.Single(await Migrator(database).GetStatusAsync(), status => status.Version == 1);
        Assert.Equal(MigrationState.Modified, status.State);
    }

    [Fact]
    public async Task AnAppliedVersionMissingFromTheFilesMakesItRefuseNamingIt()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        await Migrator(database).MigrateAsync();
        await Db.ExecuteAsync(database, "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, '9999_gone.sql', $1)", new string('a', 64));

        var exception = await Assert.ThrowsAsync<MigrationException>(() => Migrator(database).MigrateAsync());

        Assert.Equal("9999_gone.sql", exception.FileName);
        var status = Assert.Single(await Migrator(database).GetStatusAsync(), status => status.Version == 9999);
        Assert.Equal(MigrationState.MissingFile, status.State);
    }

    [Fact]
    public async Task APendingFileBelowTheHighestAppliedVersionIsRefused()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        var first = Migration.Create("0001_first.sql", "CREATE TABLE a (id int);");
        var third = Migration.Create("0003_third.sql", "CREATE TABLE c (id int);");
        await Migrator(database, [first, third]).MigrateAsync();
        var late = Migration.Create("0002_late.sql", "CREATE TABLE b (id int);");

        var exception = await Assert.ThrowsAsync<MigrationException>(() => Migrator(database, [first, late, third]).MigrateAsync());

        Assert.Equal("0002_late.sql", exception.FileName);
        Assert.Null(await Db.ScalarAsync(database, "SELECT to_regclass('b')::text"));
    }

    [Fact]
    public async Task AFailingMigrationIsRolledBackWholeAndNamed()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        var good = Migration.Create("0001_good.sql", "CREATE TABLE good (id int);");
        var bad = Migration.Create("0002_bad.sql", "CREATE TABLE half (id int);\nINSERT INTO missing_table VALUES (1);");

        var exception = await Assert.ThrowsAsync<MigrationException>(() => Migrator(database, [good, bad]).MigrateAsync());

        Assert.Equal("0002_bad.sql", exception.FileName);
        Assert.NotNull(exception.InnerException);
        Assert.Equal("good", await Db.ScalarAsync(database, "SELECT to_regclass('good')::text"));
        Assert.Null(await Db.ScalarAsync(database, "SELECT to_regclass('half')::text"));
        Assert.Equal(1L, await Db.ScalarAsync(database, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(["0002_bad.sql"], await Migrator(database, [good, Migration.Create("0002_bad.sql", "CREATE TABLE half (id int);")]).MigrateAsync());
    }

    [Fact]
    public async Task AMigrationWithADollarQuotedFunctionBodyApplies()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        var function = Migration.Create("0001_function.sql", """
            CREATE FUNCTION add_one(value integer) RETURNS integer LANGUAGE plpgsql AS $$
            BEGIN
                -- a semicolon; inside the body
                RETURN value + 1;
            END;
            $$;
            SELECT add_one(1);
            """);

        await Migrator(database, [function]).MigrateAsync();

        Assert.Equal(42, await Db.ScalarAsync(database, "SELECT add_one(41)"));
    }

    [Fact]
    public async Task StatusOfAnEmptyDatabaseListsEveryFileAsPending()
    {
        var database = await postgres.CreateDatabaseAsync("migrate");
        var migrator = Migrator(database);

        var statuses = await migrator.GetStatusAsync();

        Assert.Equal(migrator.Migrations.Select(migration => migration.Name), statuses.Select(status => status.Name));
        Assert.All(statuses, status => Assert.Equal(MigrationState.Pending, status.State));
        Assert.Null(await Db.ScalarAsync(database, "SELECT to_regclass('schema_migrations')::text"));
    }

    private static PostgresMigrator Migrator(string connectionString, IEnumerable<Migration>? migrations = null)
    {
        var options = new PostgresMigrationOptions { ConnectionString = connectionString };
        return migrations is null ? new PostgresMigrator(options) : new PostgresMigrator(options, migrations, logger: null);
    }
}
