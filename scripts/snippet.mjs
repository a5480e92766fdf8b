// The embed snippet a council pastes into its page, written in one place: release-files.mjs
// writes it for the build (dist/snippet.html, with the loader's hash) and package-release.mjs
// for each released folder (v<version>/ with the hash, latest/ without). One text for both, so
// the two folders' snippets differ only in their addresses and the integrity attribute.
//
//   snippet({ version, folder: "v0.1.0", integrity: "sha384-…", startScreen })
//   snippet({ version, folder: "latest", integrity: null, startScreen })

const esc = (x) => String(x).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function snippet({ version, folder, integrity, startScreen: s }) {
  const base = `https://example.org/srf/${folder}/`;
  const p = (name, text) => `  <p data-srf="${name}">${esc(text)}</p>`;
  const head = integrity
    ? `<!-- SEND Route Finder ${version}: in the addresses below, put your own site in place of the example's. -->`
    : `<!-- SEND Route Finder, latest version (${version} when this file was made): in the addresses below, put your own site in place of the example's.
     No integrity attribute: the files in ${folder}/ change with each release. -->`;
  const script = integrity
    ? `<script type="module" src="${base}send-route-finder.js"
        integrity="${integrity}" crossorigin="anonymous"></script>`
    : `<script type="module" src="${base}send-route-finder.js"></script>`;
  return `${head}
<send-route-finder rules="${base}rules.json"
                   council="${base}councils/YOUR-COUNCIL.json"
                   heading-level="2">
  <h2 data-srf="title">${esc(s.title)}</h2>
${[...s.paragraphs.map((x) => p("paragraph", x)), p("time", s.time_needed), p("privacy", s.privacy)].join("\n")}
  <p>If this tool does not load, read <a href="YOUR PAGE ABOUT DISAGREEMENTS">our page about disagreements</a>
    or contact your local SENDIASS.</p>
</send-route-finder>
${script}
`;
}
