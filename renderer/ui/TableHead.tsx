/**
 * A results table's caption and column headings. The caption is for screen readers (the section's
 * heading names the table on screen); `actions` names a last column of buttons, heard but not
 * shown. A column given as `false` is left out.
 */
export function TableHead({
  caption,
  columns,
  actions,
}: {
  caption: string;
  columns: readonly (string | false)[];
  actions?: string;
}) {
  return (
    <>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns
            .filter((column) => column !== false)
            .map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          {actions !== undefined && (
            <th scope="col">
              <span className="visually-hidden">{actions}</span>
            </th>
          )}
        </tr>
      </thead>
    </>
  );
}
