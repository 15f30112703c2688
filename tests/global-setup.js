/** Apps Script runs in the script's time zone (appsscript.json); so do the tests. */
module.exports = async () => {
  process.env.TZ = 'Europe/Paris';
};
