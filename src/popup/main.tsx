import { render } from 'preact';
import { App } from './App';

const root = document.getElementById('app');
document.documentElement.lang = navigator.language || 'en';
if (root) render(<App params={new URLSearchParams(location.search)} />, root);
