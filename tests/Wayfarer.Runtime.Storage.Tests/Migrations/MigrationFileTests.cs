using Wayfarer.Runtime.Postgres;

namespace Wayfarer.Runtime.Storage.Tests.Migrations;

[Trait("Category", "Unit")]
public sealed class MigrationFileTests
{
    [Fact]
    public void EveryEmbeddedMigrationIsLoadedInVersionOrderStartingWithTheRuntimeTables()
    {
        var migrator = new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = "Host=localhost" });

        Assert.Equal("0001_runtime.sql", migrator.Migrations[0].Name);
        Assert.Equal(migrator.Migrations.OrderBy(migration => migration.Version), migrator.Migrations);
        Assert.Contains("CREATE TABLE IF NOT EXISTS grain_state", migrator.Migrations[0].Sql, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", migrator.Migrations[0].Checksum);
    }

    [Theory]
    [InlineData("1_runtime.sql")]
    [InlineData("0001-runtime.sql")]
    [InlineData("0001_Runtime.sql")]
    [InlineData("0001_runtime.SQL")]
    [InlineData("runtime.sql")]
    public void MisnamedFileIsRefusedNamingIt(string fileName)
    {
        var exception = Assert.Throws<MigrationException>(() => Migration.Create(fileName, "SELECT 1;"));

        Assert.Equal(fileName, exception.FileName);
        Assert.Contains(fileName, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChecksumIgnoresLineEndingsAndAByteOrderMark()
    {
        var unix = Migration.Create("0007_trips.sql", "CREATE TABLE t (id int);\nSELECT 1;\n");
        var windows = Migration.Create("0007_trips.sql", "\uFEFFCREATE TABLE t (id int);\r\nSELECT 1;\r\n");
        var edited = Migration.Create("0007_trips.sql", "CREATE TABLE t (id bigint);\nSELECT 1;\n");

        Assert.Equal(7, unix.Version);
        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.Equal(unix.Sql, windows.Sql);
        Assert.NotEqual(unix.Checksum, edited.Checksum);
    }

    [Fact]
    public void TwoFilesWithOneVersionAreRefused()
    {
        var migrations = new[] { Migration.Create("0002_a.sql", "SELECT 1;"), Migration.Create("0002_b.sql", "SELECT 2;") };

        var exception = Assert.Throws<MigrationException>(
            () => new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = "Host=localhost" }, migrations, logger: null));

        Assert.Equal("0002_b.sql", exception.FileName);
    }
}
