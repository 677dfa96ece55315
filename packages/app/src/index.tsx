import ReactDOM from 'react-dom/client';
// Backstage UI's styles: the catalog's entity page header and tabs are drawn with them.
import '@backstage/ui/css/styles.css';
import app from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(app);
